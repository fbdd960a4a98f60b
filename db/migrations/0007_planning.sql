CREATE TABLE `activity_series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recurrence` text NOT NULL,
	`created_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `calendar_marks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`unit_id` integer,
	`created_by` integer,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `calendar_marks_range_idx` ON `calendar_marks` (`start_date`,`end_date`);--> statement-breakpoint
CREATE TABLE `kit_applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kit_id` integer NOT NULL,
	`campaign_id` integer,
	`created_campaign` integer DEFAULT false NOT NULL,
	`year` integer NOT NULL,
	`agency_ids` text NOT NULL,
	`unit_ids` text NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`undone_at` text,
	`undone_by` integer,
	FOREIGN KEY (`kit_id`) REFERENCES `kits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `kits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`anchor` text NOT NULL,
	`items` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kits_code_unique` ON `kits` (`code`);--> statement-breakpoint
ALTER TABLE `activities` ADD `series_id` integer REFERENCES activity_series(id);--> statement-breakpoint
ALTER TABLE `activities` ADD `series_position` integer;--> statement-breakpoint
ALTER TABLE `activities` ADD `series_detached` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `activities` ADD `kit_application_id` integer REFERENCES kit_applications(id);--> statement-breakpoint
CREATE INDEX `activities_series_idx` ON `activities` (`series_id`);--> statement-breakpoint
CREATE INDEX `activities_kit_application_idx` ON `activities` (`kit_application_id`);--> statement-breakpoint
ALTER TABLE `campaigns` ADD `closed_at` text;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `closed_by` integer;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `deleted_at` text;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `deleted_by` integer;
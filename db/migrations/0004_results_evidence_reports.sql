CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`activity_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`stored_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted_at` text,
	`deleted_by` integer,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attachments_stored_name_unique` ON `attachments` (`stored_name`);--> statement-breakpoint
CREATE INDEX `attachments_activity_idx` ON `attachments` (`activity_id`);--> statement-breakpoint
CREATE TABLE `period_locks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`unlocked_by` integer,
	`unlocked_at` text,
	CONSTRAINT "period_locks_order_check" CHECK("period_locks"."end_date" >= "period_locks"."start_date")
);
--> statement-breakpoint
CREATE INDEX `period_locks_range_idx` ON `period_locks` (`start_date`,`end_date`);--> statement-breakpoint
CREATE TABLE `results` (
	`activity_id` integer PRIMARY KEY NOT NULL,
	`values` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`links` text DEFAULT '[]' NOT NULL,
	`actual_start_at` text,
	`actual_end_at` text,
	`review_status` text DEFAULT 'submitted' NOT NULL,
	`review_note` text DEFAULT '' NOT NULL,
	`submitted_by` integer,
	`submitted_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`reviewed_by` integer,
	`reviewed_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `results_review_idx` ON `results` (`review_status`);--> statement-breakpoint
CREATE INDEX `activities_start_date_idx` ON `activities` (`start_date`);
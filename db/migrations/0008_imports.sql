CREATE TABLE `import_mappings` (
	`user_id` integer NOT NULL,
	`heading` text NOT NULL,
	`field` text NOT NULL,
	PRIMARY KEY(`user_id`, `heading`)
);
--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`year` integer NOT NULL,
	`headers` text NOT NULL,
	`cells` text NOT NULL,
	`mapping` text NOT NULL,
	`fixes` text NOT NULL,
	`dropped` text NOT NULL,
	`status` text NOT NULL,
	`activity_ids` text NOT NULL,
	`created_by` integer,
	`committed_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `activities` ADD `import_id` integer REFERENCES imports(id);--> statement-breakpoint
CREATE INDEX `activities_import_idx` ON `activities` (`import_id`);
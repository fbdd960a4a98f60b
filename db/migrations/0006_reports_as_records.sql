CREATE TABLE `report_documents` (
	`report_id` integer NOT NULL,
	`format` text NOT NULL,
	`bytes` blob NOT NULL,
	`sha256` text NOT NULL,
	PRIMARY KEY(`report_id`, `format`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`agency_id` integer,
	`campaign_id` integer,
	`basis` text DEFAULT 'accepted' NOT NULL,
	`issuer_agency_id` integer NOT NULL,
	`parent_line` text DEFAULT '' NOT NULL,
	`number` text DEFAULT '' NOT NULL,
	`symbol` text DEFAULT '' NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`issue_date` text,
	`subject` text DEFAULT '' NOT NULL,
	`sections` text NOT NULL,
	`recipients` text NOT NULL,
	`signer` text NOT NULL,
	`figures` text NOT NULL,
	`computed_at` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`issued_at` text,
	`issued_by` integer,
	`supersedes_id` integer,
	`created_by` integer,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issuer_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supersedes_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reports_period_idx` ON `reports` (`start_date`,`end_date`);--> statement-breakpoint
ALTER TABLE `agencies` ADD `document_symbol` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `agencies` ADD `parent_line` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `plans` ADD `issue_date` text;
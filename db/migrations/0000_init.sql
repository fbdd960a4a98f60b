CREATE TABLE `activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`type_code` text NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`all_day` integer NOT NULL,
	`start_at` text NOT NULL,
	`end_at` text NOT NULL,
	`start_date` text NOT NULL,
	`lead_agency_id` integer NOT NULL,
	`venue` text DEFAULT '' NOT NULL,
	`task_id` integer,
	`campaign_id` integer,
	`expected` text DEFAULT '{}' NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` text,
	`deleted_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`type_code`) REFERENCES `activity_types`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "activities_range_check" CHECK("activities"."end_at" > "activities"."start_at")
);
--> statement-breakpoint
CREATE INDEX `activities_range_idx` ON `activities` (`start_at`,`end_at`);--> statement-breakpoint
CREATE INDEX `activities_lead_idx` ON `activities` (`lead_agency_id`);--> statement-breakpoint
CREATE INDEX `activities_campaign_idx` ON `activities` (`campaign_id`);--> statement-breakpoint
CREATE INDEX `activities_task_idx` ON `activities` (`task_id`);--> statement-breakpoint
CREATE TABLE `activity_channels` (
	`activity_id` integer NOT NULL,
	`channel_code` text NOT NULL,
	PRIMARY KEY(`activity_id`, `channel_code`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`channel_code`) REFERENCES `channels`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `activity_partners` (
	`activity_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	PRIMARY KEY(`activity_id`, `agency_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activity_partners_agency_idx` ON `activity_partners` (`agency_id`);--> statement-breakpoint
CREATE TABLE `activity_target_groups` (
	`activity_id` integer NOT NULL,
	`target_group_code` text NOT NULL,
	PRIMARY KEY(`activity_id`, `target_group_code`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_group_code`) REFERENCES `target_groups`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `activity_types` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`channel_codes` text NOT NULL,
	`indicator_codes` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `activity_units` (
	`activity_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`activity_id`, `unit_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activity_units_unit_idx` ON `activity_units` (`unit_id`);--> statement-breakpoint
CREATE TABLE `agencies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`unit_id` integer,
	`valid_from` text,
	`valid_to` text,
	`notes` text,
	`uncertain` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agencies_code_unique` ON `agencies` (`code`);--> statement-breakpoint
CREATE INDEX `agencies_unit_idx` ON `agencies` (`unit_id`);--> statement-breakpoint
CREATE TABLE `agency_successions` (
	`from_agency_id` integer NOT NULL,
	`to_agency_id` integer NOT NULL,
	PRIMARY KEY(`from_agency_id`, `to_agency_id`),
	FOREIGN KEY (`from_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer,
	`before` text,
	`after` text,
	`request_id` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE TABLE `campaign_tasks` (
	`campaign_id` integer NOT NULL,
	`task_id` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `task_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`theme` text DEFAULT '' NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`lead_agency_id` integer,
	`observance_code` text,
	`color` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`lead_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`observance_code`) REFERENCES `observances`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `channels` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`kind` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `indicators` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`unit` text NOT NULL,
	`aggregation` text NOT NULL,
	`parent_code` text,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `observance_themes` (
	`observance_code` text NOT NULL,
	`year` integer NOT NULL,
	`theme` text NOT NULL,
	`theme_en` text DEFAULT '' NOT NULL,
	`peak_start_date` text,
	`peak_end_date` text,
	`uncertain` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`observance_code`, `year`),
	FOREIGN KEY (`observance_code`) REFERENCES `observances`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `observances` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`month` integer NOT NULL,
	`day` integer NOT NULL,
	`end_month` integer NOT NULL,
	`end_day` integer NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `plan_sections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`title_en` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_sections_code_idx` ON `plan_sections` (`plan_id`,`code`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text,
	`title` text NOT NULL,
	`title_en` text DEFAULT '' NOT NULL,
	`year` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`issuer_agency_id` integer,
	`goal` text DEFAULT '' NOT NULL,
	`goal_en` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`issuer_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_code_unique` ON `plans` (`code`);--> statement-breakpoint
CREATE TABLE `seed_runs` (
	`step` text PRIMARY KEY NOT NULL,
	`applied_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `target_groups` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `task_activity_types` (
	`task_id` integer NOT NULL,
	`activity_type_code` text NOT NULL,
	PRIMARY KEY(`task_id`, `activity_type_code`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_type_code`) REFERENCES `activity_types`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `task_agencies` (
	`task_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`task_id`, `agency_id`, `role`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `task_channels` (
	`task_id` integer NOT NULL,
	`channel_code` text NOT NULL,
	PRIMARY KEY(`task_id`, `channel_code`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`channel_code`) REFERENCES `channels`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `task_target_groups` (
	`task_id` integer NOT NULL,
	`target_group_code` text NOT NULL,
	PRIMARY KEY(`task_id`, `target_group_code`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_group_code`) REFERENCES `target_groups`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `task_targets` (
	`task_id` integer NOT NULL,
	`indicator_code` text NOT NULL,
	`value` integer NOT NULL,
	PRIMARY KEY(`task_id`, `indicator_code`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_code`) REFERENCES `indicators`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "task_targets_value_check" CHECK("task_targets"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`section_id` integer,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`title_en` text DEFAULT '' NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`text_en` text DEFAULT '' NOT NULL,
	`lead_all_agencies` integer DEFAULT false NOT NULL,
	`partner_all_agencies` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`section_id`) REFERENCES `plan_sections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_plan_code_idx` ON `tasks` (`plan_id`,`code`);--> statement-breakpoint
CREATE TABLE `unit_successions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_unit_id` integer NOT NULL,
	`to_unit_id` integer NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`basis` text,
	`uncertain` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`from_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unit_successions_pair_idx` ON `unit_successions` (`from_unit_id`,`to_unit_id`,`date`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`level` text NOT NULL,
	`tier` integer NOT NULL,
	`parent_id` integer,
	`valid_from` text,
	`valid_to` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`notes` text,
	`uncertain` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_code_unique` ON `units` (`code`);--> statement-breakpoint
CREATE INDEX `units_parent_idx` ON `units` (`parent_id`);
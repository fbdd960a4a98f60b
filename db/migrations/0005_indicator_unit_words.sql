ALTER TABLE `indicators` ADD `unit_word` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `indicators` ADD `unit_word_en` text DEFAULT '' NOT NULL;
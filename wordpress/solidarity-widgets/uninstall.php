<?php
/**
 * Removes the plugin's settings and cached feed when the plugin is deleted.
 *
 * @package SolidarityWidgets
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

delete_option( 'solidarity_widgets' );
delete_transient( 'solidarity_widgets_feed' );

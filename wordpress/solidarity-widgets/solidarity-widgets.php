<?php
/**
 * Plugin Name:       Solidarity widgets
 * Plugin URI:        https://github.com/solidarity-widgets/solidarity-widgets
 * Description:       Your organization's platform, petitions, donations, chapter map, events and join form as blocks and shortcodes, for editors who cannot paste a script.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.1
 * Author:            solidarity-widgets
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       solidarity-widgets
 * Domain Path:       /languages
 *
 * @package SolidarityWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'SOLIDARITY_WIDGETS_VERSION', '0.1.0' );
define( 'SOLIDARITY_WIDGETS_FILE', __FILE__ );

require_once __DIR__ . '/includes/class-options.php';
require_once __DIR__ . '/includes/class-remote.php';
require_once __DIR__ . '/includes/class-catalog.php';
require_once __DIR__ . '/includes/class-fallback.php';
require_once __DIR__ . '/includes/class-event-fallback.php';
require_once __DIR__ . '/includes/class-tag-renderer.php';
require_once __DIR__ . '/includes/class-script-tag.php';
require_once __DIR__ . '/includes/class-settings-page.php';
require_once __DIR__ . '/includes/class-shortcodes.php';
require_once __DIR__ . '/includes/class-blocks.php';

add_action(
	'init',
	static function () {
		load_plugin_textdomain( 'solidarity-widgets', false, dirname( plugin_basename( __FILE__ ) ) . '/languages' );
		Solidarity_Widgets_Shortcodes::register();
		Solidarity_Widgets_Blocks::register();
	}
);
// Stored once at activation, so the first save runs the settings check once (update_option on a
// missing option sanitizes twice).
register_activation_hook( __FILE__, array( 'Solidarity_Widgets_Options', 'add_defaults' ) );
add_action( 'admin_init', array( 'Solidarity_Widgets_Settings_Page', 'register_setting' ) );
add_action( 'admin_menu', array( 'Solidarity_Widgets_Settings_Page', 'add_page' ) );
add_action( 'wp_footer', array( 'Solidarity_Widgets_Script_Tag', 'print_when_used' ), 20 );
add_action( 'enqueue_block_editor_assets', array( 'Solidarity_Widgets_Blocks', 'enqueue_editor_assets' ) );

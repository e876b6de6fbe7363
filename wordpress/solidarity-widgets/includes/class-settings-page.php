<?php
/**
 * Settings → Solidarity widgets: the organization's server (checked: it must answer /feed.json
 * with a feed) and an optional version pin with its SRI hash. Administrators only.
 *
 * @package SolidarityWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The settings screen and the checks on what is saved.
 */
class Solidarity_Widgets_Settings_Page {

	const SLUG = 'solidarity-widgets';

	/**
	 * Registers the option with its check (admin_init).
	 */
	public static function register_setting() {
		register_setting(
			self::SLUG,
			Solidarity_Widgets_Options::NAME,
			array(
				'type'              => 'array',
				'sanitize_callback' => array( self::class, 'sanitize' ),
				'show_in_rest'      => false,
			)
		);
	}

	/**
	 * Adds the page under Settings (admin_menu).
	 */
	public static function add_page() {
		add_options_page(
			__( 'Solidarity widgets', 'solidarity-widgets' ),
			__( 'Solidarity widgets', 'solidarity-widgets' ),
			'manage_options',
			self::SLUG,
			array( self::class, 'render' )
		);
	}

	/**
	 * Checks what was submitted; anything wrong keeps the saved value and says why.
	 *
	 * @param mixed $input The submitted option.
	 * @return array The option to store.
	 */
	public static function sanitize( $input ) {
		$old   = Solidarity_Widgets_Options::all();
		$input = is_array( $input ) ? $input : array();
		$new   = array(
			'server'    => untrailingslashit( trim( (string) ( $input['server'] ?? '' ) ) ),
			'version'   => trim( (string) ( $input['version'] ?? '' ) ),
			'integrity' => trim( (string) ( $input['integrity'] ?? '' ) ),
		);
		if ( '' === $new['server'] ) {
			Solidarity_Widgets_Remote::forget_feed();
			return array(
				'server'    => '',
				'version'   => '',
				'integrity' => '',
			);
		}
		$problem = self::server_problem( $new['server'] );
		if ( null === $problem ) {
			$problem = self::pin_problem( $new );
		}
		if ( null !== $problem ) {
			add_settings_error( Solidarity_Widgets_Options::NAME, 'solidarity_widgets_' . $problem->get_error_code(), $problem->get_error_message() );
			return $old;
		}
		Solidarity_Widgets_Remote::forget_feed();
		return $new;
	}

	/**
	 * Why a server address cannot be used, or null.
	 *
	 * @param string $server The address given.
	 * @return WP_Error|null
	 */
	private static function server_problem( $server ) {
		if ( esc_url_raw( $server, array( 'http', 'https' ) ) !== $server || ! wp_parse_url( $server, PHP_URL_HOST ) ) {
			/* translators: %s: what was typed. */
			return new WP_Error( 'server_url', sprintf( __( '"%s" is not a web address. Give the server\'s address, like https://party.example', 'solidarity-widgets' ), $server ) );
		}
		$feed = Solidarity_Widgets_Remote::check_feed( $server );
		if ( is_wp_error( $feed ) ) {
			/* translators: %s: why the feed could not be read. */
			return new WP_Error( 'server_feed', sprintf( __( 'The server was not saved: %s', 'solidarity-widgets' ), $feed->get_error_message() ) );
		}
		return null;
	}

	/**
	 * Why a version pin cannot be used, or null. A pin without a hash takes it from the server's sri.json.
	 *
	 * @param array $settings The new settings; `integrity` may be filled in.
	 * @return WP_Error|null
	 */
	private static function pin_problem( &$settings ) {
		if ( '' === $settings['version'] ) {
			$settings['integrity'] = '';
			return null;
		}
		if ( ! preg_match( '/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/', $settings['version'] ) ) {
			/* translators: %s: what was typed. */
			return new WP_Error( 'version', sprintf( __( 'Version "%s" is not a version number like 0.1.0.', 'solidarity-widgets' ), $settings['version'] ) );
		}
		if ( '' === $settings['integrity'] ) {
			$sri = Solidarity_Widgets_Remote::get_json( $settings['server'] . '/sri.json' );
			$key = $settings['version'] . '/solidarity-widgets.js';
			if ( is_wp_error( $sri ) || ! isset( $sri[ $key ] ) || ! is_string( $sri[ $key ] ) ) {
				/* translators: %s: a version number. */
				return new WP_Error( 'integrity_missing', sprintf( __( 'The server\'s sri.json has no hash for version %s: paste the hash yourself, or leave the version empty.', 'solidarity-widgets' ), $settings['version'] ) );
			}
			$settings['integrity'] = $sri[ $key ];
		}
		if ( ! preg_match( '/^sha(256|384|512)-[A-Za-z0-9+\/]+={0,2}$/', $settings['integrity'] ) ) {
			/* translators: %s: what was typed. */
			return new WP_Error( 'integrity', sprintf( __( '"%s" is not an SRI hash; copy the sha384-… value from the server\'s sri.json.', 'solidarity-widgets' ), $settings['integrity'] ) );
		}
		return null;
	}

	/**
	 * The settings screen.
	 */
	public static function render() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		$settings = Solidarity_Widgets_Options::all();
		$name     = Solidarity_Widgets_Options::NAME;
		?>
		<div class="wrap">
			<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
			<form method="post" action="options.php">
				<?php settings_fields( self::SLUG ); ?>
				<table class="form-table" role="presentation">
					<tr>
						<th scope="row"><label for="solidarity-widgets-server"><?php esc_html_e( "Organization's server", 'solidarity-widgets' ); ?></label></th>
						<td>
							<input type="url" class="regular-text code" id="solidarity-widgets-server" name="<?php echo esc_attr( $name ); ?>[server]" value="<?php echo esc_attr( $settings['server'] ); ?>" placeholder="https://party.example" aria-describedby="solidarity-widgets-server-help">
							<p class="description" id="solidarity-widgets-server-help"><?php esc_html_e( 'Where your organization runs solidarity-widgets serve. It must answer /feed.json; allow this site there with --allow-origin so readers can sign petitions.', 'solidarity-widgets' ); ?></p>
						</td>
					</tr>
					<tr>
						<th scope="row"><label for="solidarity-widgets-version"><?php esc_html_e( 'Pin to version (optional)', 'solidarity-widgets' ); ?></label></th>
						<td>
							<input type="text" class="small-text code" id="solidarity-widgets-version" name="<?php echo esc_attr( $name ); ?>[version]" value="<?php echo esc_attr( $settings['version'] ); ?>" placeholder="0.1.0" aria-describedby="solidarity-widgets-version-help">
							<p class="description" id="solidarity-widgets-version-help"><?php esc_html_e( 'Empty: always the latest script. A version: that exact script, checked by the browser against its hash.', 'solidarity-widgets' ); ?></p>
						</td>
					</tr>
					<tr>
						<th scope="row"><label for="solidarity-widgets-integrity"><?php esc_html_e( 'SRI hash of the pinned script', 'solidarity-widgets' ); ?></label></th>
						<td>
							<input type="text" class="large-text code" id="solidarity-widgets-integrity" name="<?php echo esc_attr( $name ); ?>[integrity]" value="<?php echo esc_attr( $settings['integrity'] ); ?>" placeholder="sha384-…" aria-describedby="solidarity-widgets-integrity-help">
							<p class="description" id="solidarity-widgets-integrity-help"><?php esc_html_e( 'From the server\'s sri.json. Left empty with a version, it is read from the server when you save.', 'solidarity-widgets' ); ?></p>
						</td>
					</tr>
				</table>
				<?php submit_button(); ?>
			</form>
		</div>
		<?php
	}
}

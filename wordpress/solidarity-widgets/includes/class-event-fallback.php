<?php
/**
 * The event list's text inside its tag: the upcoming events, soonest first, each with its title
 * and its start in the event's own time zone. The widget shows the reader's time once it runs.
 *
 * @package SolidarityWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Plain HTML list of upcoming events, every text escaped.
 */
class Solidarity_Widgets_Event_Fallback {

	/**
	 * The upcoming events (an event in progress stays until it ends), with the tag's chapter and limit.
	 *
	 * @param array[]  $events The feed's events.
	 * @param callable $pick   Picks a translation.
	 * @param array    $values Tag attribute name => value (chapter, limit).
	 * @return string
	 */
	public static function events( $events, $pick, $values ) {
		$chapter  = trim( (string) ( $values['chapter'] ?? '' ) );
		$limit    = isset( $values['limit'] ) ? absint( $values['limit'] ) : 0;
		$now      = time();
		$upcoming = array();
		foreach ( $events as $event ) {
			$starts = self::time( $event['starts'] ?? null );
			$ends   = self::time( $event['ends'] ?? null );
			if ( null === $starts || ( $ends ?? $starts ) < $now ) {
				continue;
			}
			if ( '' !== $chapter && ( $event['chapter'] ?? '' ) !== $chapter ) {
				continue;
			}
			$upcoming[] = array( $starts, $event );
		}
		usort(
			$upcoming,
			static function ( $a, $b ) {
				return $a[0] <=> $b[0];
			}
		);
		if ( $limit ) {
			$upcoming = array_slice( $upcoming, 0, $limit );
		}
		$items = '';
		foreach ( $upcoming as list( $starts, $event ) ) {
			$items .= '<li><strong>' . esc_html( $pick( $event['title'] ?? '' ) ) . '</strong> '
				. esc_html( self::when( $starts, $event['timezone'] ?? '' ) ) . '</li>';
		}
		return '' === $items ? '' : '<ul>' . $items . '</ul>';
	}

	/**
	 * A feed date (ISO 8601 with offset) as a Unix time; null when it is not one.
	 *
	 * @param mixed $value The feed's value.
	 * @return int|null
	 */
	private static function time( $value ) {
		if ( ! is_string( $value ) ) {
			return null;
		}
		$time = strtotime( $value );
		return false === $time ? null : $time;
	}

	/**
	 * A start in the site's date and time formats, in the event's zone (the site's if it has none).
	 *
	 * @param int    $time     A Unix time.
	 * @param string $timezone An IANA zone.
	 * @return string
	 */
	private static function when( $time, $timezone ) {
		$zone = null;
		if ( is_string( $timezone ) && in_array( $timezone, timezone_identifiers_list(), true ) ) {
			$zone = new DateTimeZone( $timezone );
		}
		$format = get_option( 'date_format' ) . ' ' . get_option( 'time_format' ) . ' T';
		return (string) wp_date( $format, $time, $zone );
	}
}

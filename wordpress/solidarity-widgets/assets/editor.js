/* global window, document */
/**
 * The widgets' blocks in the block editor, with plain wp.* globals (no build step).
 * Every block is dynamic: PHP renders it on the page; here, controls for its attributes
 * (plank and petition chosen from the feed) and a preview made by the real widget script.
 */
(function (wp, data) {
  'use strict';
  var el = wp.element.createElement;
  var __ = wp.i18n.__;
  var sprintf = wp.i18n.sprintf;
  var be = wp.blockEditor;
  var c = wp.components;

  var feedPromise;
  /** The feed, fetched once per editor session. */
  function loadFeed() {
    if (!feedPromise) {
      feedPromise = fetch(data.feed, { headers: { Accept: 'application/json' } }).then(function (r) {
        if (!r.ok) {
          // translators: %d: an HTTP status code.
          throw new Error(sprintf(__('it answered HTTP %d', 'solidarity-widgets'), r.status));
        }
        return r.json();
      });
    }
    return feedPromise;
  }

  var scriptAdded = false;
  /** The widget script, added to the editor once, as the page gets it (module, pinned). */
  function addWidgetScript() {
    if (scriptAdded || !data.script.src) {
      return;
    }
    scriptAdded = true;
    var s = document.createElement('script');
    Object.keys(data.script).forEach(function (name) {
      s.setAttribute(name, data.script[name]);
    });
    document.head.appendChild(s);
  }

  /** A feed text in the site's language: exact tag, primary subtag, else the first. */
  function pick(text) {
    if (typeof text === 'string') {
      return text;
    }
    if (!text || typeof text !== 'object') {
      return '';
    }
    var lang = data.lang.toLowerCase();
    var keys = Object.keys(text);
    var found =
      keys.filter(function (k) {
        return k.toLowerCase() === lang;
      })[0] ||
      keys.filter(function (k) {
        return k.toLowerCase() === lang.split('-')[0];
      })[0] ||
      keys[0];
    return typeof text[found] === 'string' ? text[found] : '';
  }

  /** A list of the feed: an array, or a GeoJSON FeatureCollection's properties (chapters may be either). */
  function feedItems(feed, list) {
    var value = feed ? feed[list] : null;
    if (value && Array.isArray(value.features)) {
      return value.features.map(function (feature) {
        return feature && feature.properties;
      });
    }
    return Array.isArray(value) ? value : [];
  }

  /** The feed's choices for a list (`platform`, `petitions`, `chapters`), from a hook holding the feed state. */
  function feedChoices(state, field) {
    var items = feedItems(state.feed, field.control.slice('feed:'.length));
    var options = [{ value: '', label: field.unset || __('— Choose —', 'solidarity-widgets') }];
    items.forEach(function (item) {
      if (item && item.id) {
        var title = pick(item.title || item.name);
        options.push({ value: String(item.id), label: item.number ? item.number + '. ' + title : title });
      }
    });
    return options;
  }

  function useFeed() {
    var pair = wp.element.useState({ loading: true });
    wp.element.useEffect(function () {
      var live = true;
      loadFeed().then(
        function (feed) {
          if (live) {
            pair[1]({ feed: feed });
          }
        },
        function (error) {
          if (live) {
            pair[1]({ error: error.message });
          }
        },
      );
      return function () {
        live = false;
      };
    }, []);
    return pair[0];
  }

  /** One control for one attribute of the catalog. */
  function control(field, attributes, setAttributes, feedState) {
    var value = attributes[field.key];
    var set = function (v) {
      var change = {};
      change[field.key] = v;
      setAttributes(change);
    };
    var common = { key: field.key, label: field.label, value: value, onChange: set };
    if (field.control === 'toggle') {
      return el(c.ToggleControl, { key: field.key, label: field.label, checked: !!value, onChange: set });
    }
    if (field.control.indexOf('feed:') === 0) {
      if (feedState.error) {
        return el(
          c.Notice,
          { key: field.key, status: 'error', isDismissible: false },
          sprintf(
            /* translators: 1: the feed's address, 2: why it could not be loaded. */
            __(
              'The feed at %1$s could not be loaded (%2$s), so there is nothing to choose from.',
              'solidarity-widgets',
            ),
            data.feed,
            feedState.error,
          ),
        );
      }
      if (feedState.loading) {
        return el(c.Spinner, { key: field.key });
      }
      var choices = feedChoices(feedState, field);
      return el(c.SelectControl, Object.assign(common, { options: choices }));
    }
    if (field.control === 'select') {
      var options = [{ value: '', label: __('Default', 'solidarity-widgets') }];
      Object.keys(field.options).forEach(function (v) {
        options.push({ value: v, label: field.options[v] });
      });
      return el(c.SelectControl, Object.assign(common, { options: options }));
    }
    var type = field.control === 'number' || field.control === 'url' ? field.control : 'text';
    return el(c.TextControl, Object.assign(common, { type: type }));
  }

  /** The real widget, with the attributes the page will get (recreated when they change). */
  function preview(widget, attributes) {
    var props = { feed: data.feed, lang: data.lang };
    widget.attributes.forEach(function (field) {
      var v = attributes[field.key];
      if (field.control === 'toggle' ? v : v !== '' && v !== undefined) {
        props[field.attr] = field.control === 'toggle' ? '' : String(v);
      }
    });
    props.key = JSON.stringify(props);
    return el(widget.tag, props);
  }

  function edit(widget) {
    return function (props) {
      var blockProps = be.useBlockProps();
      var feedState = useFeed();
      if (!data.feed) {
        return el(
          'div',
          blockProps,
          el(
            c.Placeholder,
            { icon: widget.icon, label: widget.title },
            data.settingsUrl
              ? el(
                  'a',
                  { href: data.settingsUrl },
                  __("Set the organization's server in Settings → Solidarity widgets.", 'solidarity-widgets'),
                )
              : __(
                  "An administrator must first set the organization's server in Settings → Solidarity widgets.",
                  'solidarity-widgets',
                ),
          ),
        );
      }
      addWidgetScript();
      var controls = widget.attributes.map(function (field) {
        return control(field, props.attributes, props.setAttributes, feedState);
      });
      var idField = widget.attributes.filter(function (f) {
        return f.attr === widget.id;
      })[0];
      var body =
        idField && !props.attributes[idField.key]
          ? el(
              c.Placeholder,
              { icon: widget.icon, label: widget.title, instructions: widget.help },
              control(idField, props.attributes, props.setAttributes, feedState),
            )
          : preview(widget, props.attributes);
      return el(
        'div',
        blockProps,
        el(be.InspectorControls, null, el(c.PanelBody, { title: __('Settings', 'solidarity-widgets') }, controls)),
        body,
      );
    };
  }

  Object.keys(data.widgets).forEach(function (name) {
    var widget = data.widgets[name];
    wp.blocks.registerBlockType(widget.block, {
      apiVersion: 2,
      title: widget.title,
      description: widget.help,
      category: 'widgets',
      icon: widget.icon,
      edit: edit(widget),
      save: function () {
        return null;
      },
    });
  });
})(window.wp, window.solidarityWidgetsEditor);

<?php
// One-time WordPress installation for the test site, run by start.sh with php-cli (there is no
// wp-cli in Debian 12). Installs the site if needed, turns pretty permalinks on (/wp-json/…),
// makes the users `admin` (administrator) and `phongvien` (author, a reporter's usual role), and
// gives each a fresh Application Password named "banthao-tests" (older ones of that name are
// revoked). Prints shell assignments for start.sh's env file.
//
// Usage: php setup-site.php PORT
if (PHP_SAPI !== 'cli') {
    exit(1);
}
$port = (int) ($argv[1] ?? 0);
if ($port <= 0) {
    fwrite(STDERR, "usage: php setup-site.php PORT\n");
    exit(2);
}

// Debian's wp-config.php picks /etc/wordpress/config-<Host without port>.php.
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['SERVER_PORT'] = (string) $port;
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

// Nothing to mail (no MTA here), and no loopback HTTP probing of permalink structures during
// wp_install(): a non-empty structure makes wp_install_maybe_enable_pretty_permalinks() bail.
add_filter('pre_wp_mail', '__return_true');
$force_permalinks = function () { return '/%postname%/'; };
add_filter('pre_option_permalink_structure', $force_permalinks);

if (!is_blog_installed()) {
    $result = wp_install('Bản Thảo — trang thử', 'admin', 'admin@example.test', false, '',
        wp_generate_password(32, false));
    if (is_wp_error($result)) {
        fwrite(STDERR, 'wp_install failed: ' . $result->get_error_message() . "\n");
        exit(1);
    }
}
remove_filter('pre_option_permalink_structure', $force_permalinks);

// Pretty permalinks so the REST API lives at /wp-json/. A soft flush: never write .htaccess
// (Debian's is a symlink into /etc/wordpress).
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%postname%/');
flush_rewrite_rules(false);

// A fixed, non-UTC zone (the newsroom's): `date`/`modified` are then 7 h off the *_gmt fields,
// so code that reads the wrong ones fails here rather than only on a real site.
update_option('timezone_string', 'Asia/Ho_Chi_Minh');
update_option('gmt_offset', '');
update_option('blog_charset', 'UTF-8');
update_option('WPLANG', '');

$users = [
    'admin' => ['role' => 'administrator', 'email' => 'admin@example.test', 'name' => 'Quản trị'],
    'phongvien' => ['role' => 'author', 'email' => 'phongvien@example.test', 'name' => 'Phóng viên Nguyễn Thị Hằng'],
];
$out = [];
foreach ($users as $login => $u) {
    $id = username_exists($login);
    if (!$id) {
        $id = wp_insert_user([
            'user_login' => $login,
            'user_pass' => wp_generate_password(32, false),
            'user_email' => $u['email'],
            'display_name' => $u['name'],
            'role' => $u['role'],
        ]);
        if (is_wp_error($id)) {
            fwrite(STDERR, "creating $login failed: " . $id->get_error_message() . "\n");
            exit(1);
        }
    }
    $user = new WP_User($id);
    $user->set_role($u['role']);
    wp_update_user(['ID' => $id, 'display_name' => $u['name']]);

    foreach (WP_Application_Passwords::get_user_application_passwords($id) as $item) {
        if ($item['name'] === 'banthao-tests') {
            WP_Application_Passwords::delete_application_password($id, $item['uuid']);
        }
    }
    $created = WP_Application_Passwords::create_new_application_password($id, ['name' => 'banthao-tests']);
    if (is_wp_error($created)) {
        fwrite(STDERR, "application password for $login failed: " . $created->get_error_message() . "\n");
        exit(1);
    }
    $key = $login === 'admin' ? 'ADMIN' : 'AUTHOR';
    $out["BANTHAO_WP_{$key}_USER"] = $login;
    $out["BANTHAO_WP_{$key}_PASSWORD"] = $created[0];
}
foreach ($out as $k => $v) {
    echo "$k=$v\n";
}

<?php
// Router for PHP's built-in server in front of Debian's WordPress (start.sh runs
// `php -S 127.0.0.1:PORT -t /usr/share/wordpress router.php`). PHP's server knows no rewrite
// rules, so this does what Apache's .htaccess would: real files as-is, everything else
// (/wp-json/…, pretty permalinks) to index.php. /wp-content/… comes from the site's private
// content directory (uploads, theme), named by BANTHAO_WP_CONTENT_DIR.
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (strpos($path, '..') !== false) {
    http_response_code(400);
    return true;
}

$content = getenv('BANTHAO_WP_CONTENT_DIR');
if ($content !== false && strncmp($path, '/wp-content/', 12) === 0) {
    $file = $content . substr($path, 11);
    // Never execute PHP from the content directory; serve plain files only.
    if (!is_file($file) || preg_match('/\.ph(p[0-9]*|tml|ar)$/i', $file)) {
        http_response_code(404);
        return true;
    }
    $types = [
        'jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'png' => 'image/png', 'gif' => 'image/gif',
        'webp' => 'image/webp', 'avif' => 'image/avif', 'heic' => 'image/heic', 'svg' => 'image/svg+xml',
        'css' => 'text/css', 'js' => 'text/javascript', 'json' => 'application/json',
        'woff2' => 'font/woff2', 'woff' => 'font/woff', 'txt' => 'text/plain; charset=utf-8',
        'pdf' => 'application/pdf', 'mp4' => 'video/mp4', 'mp3' => 'audio/mpeg',
    ];
    $ext = strtolower(pathinfo($file, PATHINFO_EXTENSION));
    header('Content-Type: ' . ($types[$ext] ?? 'application/octet-stream'));
    header('Content-Length: ' . filesize($file));
    if ($_SERVER['REQUEST_METHOD'] !== 'HEAD') {
        readfile($file);
    }
    return true;
}

$root = $_SERVER['DOCUMENT_ROOT'];
$file = $root . $path;
if ($path !== '/' && file_exists($file)) {
    if (is_dir($file) && substr($path, -1) !== '/') {
        header('Location: ' . $path . '/');
        http_response_code(301);
        return true;
    }
    if (is_dir($file) && is_file($file . 'index.php')) {
        $file .= 'index.php';
    }
    if (is_file($file) && substr($file, -4) === '.php') {
        // wp-admin/*.php and friends: run them as the server would, from their own directory.
        $_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = substr($file, strlen($root));
        $_SERVER['SCRIPT_FILENAME'] = $file;
        chdir(dirname($file));
        require $file;
        return true;
    }
    return false; // a static file: let the built-in server send it
}

$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
chdir($root);
require $root . '/index.php';

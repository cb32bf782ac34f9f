#ifndef AFTERCART_CCURL_SHIM_H
#define AFTERCART_CCURL_SHIM_H

#include <curl/curl.h>

// curl_easy_setopt is variadic, which Swift cannot call: one typed helper per
// argument kind.
static inline CURLcode aftercart_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode aftercart_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode aftercart_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode aftercart_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*aftercart_curl_io_callback)(char *buffer, size_t size, size_t count, void *userdata);

static inline CURLcode aftercart_curl_setopt_io_callback(
    CURL *handle, CURLoption option, aftercart_curl_io_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

typedef int (*aftercart_curl_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *userdata);

// CURLOPT_DEBUGFUNCTION: the SMTP server's reply lines arrive as CURLINFO_HEADER_IN,
// which is how a 5xx reply's text reaches the caller.
static inline CURLcode aftercart_curl_setopt_debug_callback(
    CURL *handle, CURLoption option, aftercart_curl_debug_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

static inline CURLcode aftercart_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif

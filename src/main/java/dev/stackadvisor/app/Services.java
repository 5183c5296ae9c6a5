package dev.stackadvisor.app;

import dev.stackadvisor.chat.Catalog;
import dev.stackadvisor.chat.ChatService;

/**
 * Everything a request needs, built once at start-up by {@link ServiceFactory}.
 *
 * @param chat    answers questions
 * @param catalog lists sources and frameworks
 * @param startup what start-up did and how long it took
 */
public record Services(ChatService chat, Catalog catalog, StartupReport startup) {
}

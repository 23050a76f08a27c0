package io.jawait.docs;

import io.jawait.Coroutine;

/**
 * What the docs' fragments may assume: a few awaitable helpers and values with the names the
 * examples use. Fragments are compiled as members of a subclass.
 */
public abstract class DocsPrelude {
    /** A value to branch on. */
    protected boolean flag;
    /** Addresses to fetch. */
    protected String a = "a";
    /** Addresses to fetch. */
    protected String b = "b";

    /** Something to save. */
    protected static final class Item {
    }

    /** @return a coroutine producing a page */
    protected Coroutine<String> fetch() {
        return Coroutine.of("page");
    }

    /**
     * @param address what to fetch
     * @return a coroutine producing that page
     */
    protected Coroutine<String> fetch(String address) {
        return Coroutine.of("page " + address);
    }

    /**
     * @param item what to save
     * @return a coroutine that saves it
     */
    protected Coroutine<Void> save(Item item) {
        return Coroutine.done();
    }

    /** @return a coroutine that ticks */
    protected Coroutine<Void> tick() {
        return Coroutine.done();
    }

    /** @return a coroutine that writes */
    protected Coroutine<Void> write() {
        return Coroutine.done();
    }
}

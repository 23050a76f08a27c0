package io.jawait.bench.kotlin

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Deferred
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield

/**
 * The Kotlin coroutines peer of each workload, written the way a Kotlin user would: everything
 * runs in a single-threaded `runBlocking` event loop, like jawait's loop.
 */
object KotlinWorkloads {
    /** W1: `n` coroutines that each yield once and return their index, awaited and summed. */
    @JvmStatic
    fun spawnAndGather(n: Int): Long = runBlocking {
        val tasks = ArrayList<Deferred<Int>>(n)
        for (i in 0 until n) {
            tasks.add(async { yield(); i })
        }
        var sum = 0L
        for (v in tasks.awaitAll()) sum += v
        sum
    }

    /** W2: `messages` messages through two rendezvous channels (half each way). */
    @JvmStatic
    fun pingPong(messages: Int): Long = runBlocking {
        val ping = Channel<Int>()
        val pong = Channel<Int>()
        val rounds = messages / 2
        launch {
            repeat(rounds) { pong.send(ping.receive()) }
        }
        var sum = 0L
        repeat(rounds) {
            ping.send(it)
            sum += pong.receive()
        }
        sum
    }

    /** W3: `n` awaits of already-completed deferreds in one suspending loop. */
    @JvmStatic
    fun awaitDone(n: Int, slots: Int): Long = runBlocking {
        val done = Array(slots) { CompletableDeferred(it) }
        val mask = slots - 1
        var sum = 0L
        for (i in 0 until n) {
            sum += done[i and mask].await()
        }
        sum
    }

    /**
     * W4: `n` coroutines suspended on one [CompletableDeferred] (Kotlin's one-shot event);
     * [atPeak] runs while all of them are suspended and returns the heap in use.
     */
    @JvmStatic
    fun heapWithSuspended(n: Int, atPeak: java.util.function.LongSupplier): Long = runBlocking {
        val event = CompletableDeferred<Unit>()
        repeat(n) {
            launch { event.await() }
        }
        yield() // every child runs up to its await first
        val used = atPeak.asLong
        event.complete(Unit)
        used
    }

    /** W5: one coroutine per delay (milliseconds), each sleeping with `delay`. */
    @JvmStatic
    fun timers(delaysMillis: LongArray) = runBlocking {
        for (d in delaysMillis) {
            launch { delay(d) }
        }
    }
}

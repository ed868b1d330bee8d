#pragma once
// The window's one concurrency helper, in the shape of Poedit's concurrency.h: work runs on its
// own thread and is handed a stop token; its result — or the exception it threw — comes back on
// the GUI thread, and only while the owning window still exists (a weak reference checked there)
// and its work has not been stopped. Nothing a worker does can terminate the application.
//
// Owned by a window: the window calls stopAll() before anything the work refers to goes
// (its destructor does it too), so a window is destroyed only after its work has stopped.
// run(), watch() and stopAll() are called on the GUI thread.
#include <atomic>
#include <chrono>
#include <exception>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

#include <wx/weakref.h>
#include <wx/window.h>

namespace madoguchi::gui {

// The exception's message (what the window shows when work failed).
std::string describeFailure(const std::exception_ptr& error);

// Waits up to `duration`; returns early (false) when stop is requested.
bool waitUnlessStopped(const std::stop_token& stop, std::chrono::milliseconds duration);

class BackgroundWork {
public:
    using Failure = std::function<void(std::exception_ptr)>;

    explicit BackgroundWork(wxWindow& owner);
    ~BackgroundWork() { stopAll(); }
    BackgroundWork(const BackgroundWork&) = delete;
    BackgroundWork& operator=(const BackgroundWork&) = delete;

    // work(stop) runs on a worker thread; done(result) or failed(exception) runs later on the
    // GUI thread. The returned source stops this one job (the staff's "stop waiting").
    // After stopAll() nothing starts and the returned source is already stopped.
    template <class Result>
    std::stop_source run(std::function<Result(std::stop_token)> work, std::function<void(Result)> done, Failure failed) {
        auto state = state_;
        return start(
            [state, work = std::move(work), done = std::move(done), failed](std::stop_token stop) mutable {
                try {
                    auto result = std::make_shared<Result>(work(stop));
                    deliver(state, [done, result] { done(std::move(*result)); }, failed);
                } catch (...) {
                    deliverFailure(state, std::current_exception(), failed);
                }
            });
    }

    // A watcher that runs until stopped: work(stop, emit) calls emit(item) any number of times;
    // each(item) runs on the GUI thread for every item, in order.
    template <class Item>
    std::stop_source watch(std::function<void(std::stop_token, const std::function<void(Item)>& emit)> work,
                           std::function<void(Item)> each, Failure failed) {
        auto state = state_;
        return start([state, work = std::move(work), each = std::move(each), failed](std::stop_token stop) mutable {
            try {
                const std::function<void(Item)> emit = [&state, &each, &failed](Item item) {
                    auto shared = std::make_shared<Item>(std::move(item));
                    deliver(state, [each, shared] { each(std::move(*shared)); }, failed);
                };
                work(stop, emit);
            } catch (...) {
                deliverFailure(state, std::current_exception(), failed);
            }
        });
    }

    // Stops every job (their tokens), waits for their threads, and drops every result still on
    // its way to the GUI thread. Idempotent.
    void stopAll();
    bool stopped() const;

private:
    // Shared with the continuations queued on the GUI thread, which may run after this is gone.
    struct State {
        explicit State(wxWindow& owner) : owner(&owner) {}
        mutable std::mutex mutex;
        bool stopped = false;
        wxWeakRef<wxWindow> owner;  // read and reset on the GUI thread only
    };
    std::stop_source start(std::function<void(std::stop_token)> body);
    static void deliver(const std::shared_ptr<State>& state, std::function<void()> continuation, const Failure& failed);
    static void deliverFailure(const std::shared_ptr<State>& state, std::exception_ptr error, const Failure& failed);
    void reapFinished();

    struct Job {
        std::jthread thread;
        std::shared_ptr<std::atomic<bool>> finished;
    };
    std::shared_ptr<State> state_;
    std::list<Job> jobs_;  // GUI thread only
};

}  // namespace madoguchi::gui

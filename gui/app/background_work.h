#pragma once
// The window's one concurrency helper: runs device and gateway work off the GUI thread and
// brings the result back on it (CallAfter). Owned by a window; its destructor raises stopping()
// and joins every worker, so a result never reaches a destroyed window.
#include <atomic>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <thread>

#include <wx/event.h>

namespace madoguchi::gui {

class BackgroundWork {
public:
    explicit BackgroundWork(wxEvtHandler& owner) : owner_(owner) {}
    ~BackgroundWork() { stopAll(); }
    BackgroundWork(const BackgroundWork&) = delete;
    BackgroundWork& operator=(const BackgroundWork&) = delete;

    // work() runs on a worker thread; done(result) runs later on the GUI thread.
    template <class Result>
    void run(std::function<Result()> work, std::function<void(Result)> done) {
        reapFinished();
        auto finished = std::make_shared<std::atomic<bool>>(false);
        std::lock_guard lock(mutex_);
        jobs_.push_back(Job{std::thread([this, work = std::move(work), done = std::move(done), finished] {
                                auto result = std::make_shared<Result>(work());
                                if (!stopping_) owner_.CallAfter([done, result] { done(std::move(*result)); });
                                *finished = true;
                            }),
                            finished});
    }

    // Workers check this and give up early when the window closes.
    const std::atomic<bool>& stopping() const { return stopping_; }
    // Raises stopping() and joins every worker (the window is closing).
    void stopAll() {
        stopping_ = true;
        std::list<Job> jobs;
        {
            std::lock_guard lock(mutex_);
            jobs.swap(jobs_);
        }
        for (auto& job : jobs)
            if (job.thread.joinable()) job.thread.join();
    }

private:
    struct Job {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> finished;
    };
    void reapFinished() {
        std::lock_guard lock(mutex_);
        for (auto it = jobs_.begin(); it != jobs_.end();) {
            if (*it->finished) {
                it->thread.join();
                it = jobs_.erase(it);
            } else {
                ++it;
            }
        }
    }

    wxEvtHandler& owner_;
    std::atomic<bool> stopping_{false};
    std::mutex mutex_;
    std::list<Job> jobs_;
};

}  // namespace madoguchi::gui

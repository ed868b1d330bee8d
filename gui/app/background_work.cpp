#include "gui/app/background_work.h"

#include <condition_variable>

#include <wx/app.h>

namespace madoguchi::gui {

std::string describeFailure(const std::exception_ptr& error) {
    try {
        if (error) std::rethrow_exception(error);
    } catch (const std::exception& exception) {
        return exception.what();
    } catch (...) {
    }
    return "unknown error";
}

bool waitUnlessStopped(const std::stop_token& stop, std::chrono::milliseconds duration) {
    std::mutex mutex;
    std::condition_variable_any wakeUp;
    std::unique_lock lock(mutex);
    wakeUp.wait_for(lock, stop, duration, [] { return false; });  // ends early only for a stop request
    return !stop.stop_requested();
}

BackgroundWork::BackgroundWork(wxWindow& owner) : state_(std::make_shared<State>(owner)) {}

bool BackgroundWork::stopped() const {
    std::lock_guard lock(state_->mutex);
    return state_->stopped;
}

std::stop_source BackgroundWork::start(std::function<void(std::stop_token)> body) {
    reapFinished();
    std::lock_guard lock(state_->mutex);  // stopAll() cannot slip in between the check and the start
    if (state_->stopped) {
        std::stop_source refused;
        refused.request_stop();
        return refused;
    }
    auto finished = std::make_shared<std::atomic<bool>>(false);
    jobs_.push_back(Job{std::jthread([body = std::move(body), finished](std::stop_token stop) {
                            body(stop);
                            *finished = true;
                        }),
                        finished});
    return jobs_.back().thread.get_stop_source();
}

void BackgroundWork::stopAll() {
    {
        std::lock_guard lock(state_->mutex);
        state_->stopped = true;
    }
    for (auto& job : jobs_) job.thread.request_stop();  // all at once, then wait for each
    for (auto& job : jobs_)
        if (job.thread.joinable()) job.thread.join();
    jobs_.clear();
    state_->owner = nullptr;  // the weak reference is let go on the GUI thread, where it was made
}

void BackgroundWork::reapFinished() {
    std::erase_if(jobs_, [](Job& job) {
        if (!*job.finished) return false;
        job.thread.join();
        return true;
    });
}

void BackgroundWork::deliver(const std::shared_ptr<State>& state, std::function<void()> continuation,
                             const Failure& failed) {
    wxAppConsole* app = wxAppConsole::GetInstance();
    if (!app) return;  // the application is shutting down
    app->CallAfter([state, continuation = std::move(continuation), failed] {
        {
            std::lock_guard lock(state->mutex);
            if (state->stopped || !state->owner) return;  // stopped, or the window is gone
        }
        try {
            continuation();
        } catch (...) {
            if (failed) failed(std::current_exception());
        }
    });
}

void BackgroundWork::deliverFailure(const std::shared_ptr<State>& state, std::exception_ptr error,
                                    const Failure& failed) {
    if (!failed) return;
    deliver(state, [failed, error] { failed(error); }, nullptr);
}

}  // namespace madoguchi::gui

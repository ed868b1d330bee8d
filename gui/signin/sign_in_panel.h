#pragma once
// The reception window's sign-in screen, shown instead of the patient columns at start, after a
// sign-out and when the window locked itself: staff ID, password (and the holder's own new
// password for an account an administrator set up), the queue count while locked. Keyboard
// first: the focus starts in the staff ID; Enter moves to the next field and signs in from the last.
#include <functional>

#include <wx/panel.h>

#include "gui/signin/window_sign_in.h"

class wxStaticText;
class wxTextCtrl;
class wxButton;

namespace madoguchi::gui {

class SignInPanel : public wxPanel {
public:
    // tryToSignIn(id, password, freshPassword) signs in (all three wiped) and says what happened.
    using Attempt = std::function<StaffSignIn(const std::string&, std::string&, std::string&)>;
    SignInPanel(wxWindow* parent, Attempt tryToSignIn, std::function<void()> signedIn);

    // Ready for the next person: fields cleared, the focus in the staff ID; a locked window keeps
    // the ID of who worked here and shows how many patients wait.
    void prepare(const WindowSignIn& window, const wxString& hint = {});
    void showWaiting(int waiting);

    void setCredentials(const wxString& staffId, const wxString& password);
    void setNewPassword(const wxString& password);
    bool asksForNewPassword() const;
    bool submit();  // true when someone signed in
    wxString messageText() const;

private:
    void onEnter(wxTextCtrl* field);

    Attempt tryToSignIn_;
    std::function<void()> signedIn_;
    wxStaticText* heading_ = nullptr;
    wxStaticText* waiting_ = nullptr;
    wxStaticText* hint_ = nullptr;
    wxTextCtrl* staffId_ = nullptr;
    wxStaticText* passwordLabel_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxStaticText* newPasswordLabel_ = nullptr;
    wxTextCtrl* newPassword_ = nullptr;
    wxStaticText* message_ = nullptr;
    wxButton* submit_ = nullptr;
};

}  // namespace madoguchi::gui

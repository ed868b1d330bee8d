// madoguchi: the reception window.
#include "gui/app/madoguchi_app.h"

wxIMPLEMENT_APP(madoguchi::gui::MadoguchiApp);

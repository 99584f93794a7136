from django.urls import path

from screenings import booking, door, reflecting, views

app_name = "screenings"

urlpatterns = [
    path("", views.screening_list, name="list"),
    path("past/", views.past_list, name="past"),
    path("mine/", views.my_screenings, name="mine"),
    path("calendar.ics", views.calendar_feed, name="calendar"),
    path("<slug:slug>/", views.screening_detail, name="detail"),
    path("<slug:slug>/programme/", views.programme, name="programme"),
    path("<slug:slug>/calendar.ics", views.screening_ics, name="ics"),
    path("<slug:slug>/rsvp/", booking.rsvp, name="rsvp"),
    path("<slug:slug>/guests/", booking.change_guests, name="guests"),
    path("<slug:slug>/claim/", booking.claim, name="claim"),
    path("<slug:slug>/cancel/", booking.cancel, name="cancel"),
    path("<slug:slug>/reflection/", reflecting.reflect, name="reflect"),
    path("<slug:slug>/reflections/<int:pk>/report/", reflecting.report, name="report_reflection"),
    path("<slug:slug>/door/", door.door, name="door"),
    path("<slug:slug>/door/check-in/", door.check_in, name="check_in"),
    path("<slug:slug>/door/walk-in/", door.walk_in, name="walk_in"),
    path("<slug:slug>/door/next/", door.next_in_line, name="next_in_line"),
    path("<slug:slug>/door/list.csv", door.door_csv, name="door_csv"),
]

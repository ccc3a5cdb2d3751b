from django.shortcuts import render


def assessment(request):
    return render(request, "requests_app/placeholder.html", {"title": "Onderzoek aanvragen"})


def callback(request):
    return render(request, "requests_app/placeholder.html", {"title": "Bel mij terug"})

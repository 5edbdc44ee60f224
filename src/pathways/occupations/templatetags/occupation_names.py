"""Occupation titles in the page's language: `{% occupation_title soc title %}`.

On a Spanish page the project's Spanish title is shown; where none is written the English
title is kept, marked lang="en" so screen readers say it in English."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from pathways.geography.spanish import local_area_name
from pathways.occupations import spanish

register = template.Library()


@register.simple_tag
def occupation_title(code: str, english: str) -> SafeString:
    return in_english_unless_spanish(
        spanish.title_es(code) if spanish.is_spanish() else "", english
    )


@register.simple_tag
def cip_title(code: str, english: str) -> SafeString:
    """A CIP 2020 program's title: the project's Spanish on a Spanish page."""
    return in_english_unless_spanish(
        spanish.cip_title_es(code) if spanish.is_spanish() else "", english
    )


@register.simple_tag
def cip_title_in(code: str, english_titles: dict[str, str]) -> SafeString:
    """`cip_title` with the English title looked up in a dict; "" for a code not in it."""
    english = english_titles.get(code, "") if english_titles else ""
    return cip_title(code, english) if english else format_html("")


@register.simple_tag
def area_name(code: str, english: str) -> str:
    return local_area_name(code, english)


@register.simple_tag
def english_text(text: str) -> SafeString:
    """Text published only in English: marked lang="en" on a page in another language."""
    return in_english_unless_spanish("", text)


def in_english_unless_spanish(spanish_text: str, english: str) -> SafeString:
    if spanish_text:
        return format_html("{}", spanish_text)
    if spanish.is_spanish():
        return format_html('<span lang="en">{}</span>', english)
    return format_html("{}", english)

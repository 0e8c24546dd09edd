"""What a bulletin says about itself when its link is shared: the description line.

Material writes it as <meta name="description">; overrides/partials/reading-head.html repeats it
as the Open Graph description, so a link pasted into a chat shows the issue and its contents.
"""

from __future__ import annotations

from .model import Bulletin, chinese_date

DESCRIPTION_LIMIT = 160  # characters; chat previews and search results cut longer text


def bulletin_description(bulletin: Bulletin) -> str:
    """「工作简报 第9期（2021年3月11日）：title；title；…」, cut at a title boundary."""
    head = f"{bulletin.series.name} {bulletin.number_text}（{chinese_date(bulletin.date)}）："
    text = head
    for position, article in enumerate(bulletin.articles):
        piece = ("；" if position else "") + article.title
        if len(text) + len(piece) > DESCRIPTION_LIMIT:
            return (
                text + "……" if position else (text + article.title)[: DESCRIPTION_LIMIT - 1] + "…"
            )
        text += piece
    return text

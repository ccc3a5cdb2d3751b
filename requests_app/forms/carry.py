"""Carrying what was typed on the other steps as hidden inputs."""

from django import forms


def carried_inputs(form, skip):
    """(name, value) of every field not in `skip`, to carry as hidden inputs.

    Values go back exactly as the browser sent them (raw, not cleaned), so the next
    POST is the same as if every step had been on one page.
    """
    pairs = []
    for name, f in form.fields.items():
        if name in skip:
            continue
        value = form[name].value()
        if isinstance(f.widget, forms.MultiWidget):
            if not isinstance(value, list | tuple):
                value = f.widget.decompress(value)
            pairs += [
                (name + suffix, v)
                for suffix, v in zip(f.widget.widgets_names, value, strict=False)
                if v not in (None, "")
            ]
        elif isinstance(f.widget, forms.CheckboxInput):
            if value:
                pairs.append((name, "on"))
        elif isinstance(value, list | tuple):
            pairs += [(name, v) for v in value]
        elif value not in (None, ""):
            pairs.append((name, value))
    return pairs

# Odmowy silnika pokazywane na stronie głównej (wybór finalistów). Slack mrkdwn.
refusal-finalists-not-yet = Finalistów wybiera się podczas oceny pomysłów, która zaczyna się { $opensAt }. Nic nie zostało zmienione.
refusal-finalists-closed = Wybór finalistów w tej kampanii jest zakończony. Nic nie zostało zmienione.

"""The diary's pure logic: pain trends and the alerts they call for (time is passed in)."""

from backcare.diary.alerts import (
    Alert,
    FlagLike,
    new_leg_symptoms_alert,
    pain_alerts,
    warning_sign_alerts,
)
from backcare.diary.trends import PainPoint, rolling_average, seven_day_average

__all__ = [
    "Alert",
    "FlagLike",
    "PainPoint",
    "new_leg_symptoms_alert",
    "pain_alerts",
    "rolling_average",
    "seven_day_average",
    "warning_sign_alerts",
]

namespace PrivacyHoldout198.Support;

/// <summary>The practice management settings the services bind from configuration.</summary>
public sealed class PracticeOptions
{
    public string Practice { get; init; } = "PRAC-01";

    public string Surgery { get; init; } = "SURG-1";

    public int DefaultRecallMonths { get; init; } = 6;

    public decimal Band1Charge { get; init; } = 27.40m;

    public decimal Band2Charge { get; init; } = 75.30m;

    public decimal Band3Charge { get; init; } = 326.70m;

    public string SmsSenderName { get; init; } = "YourDentist";

    public bool TracePerformerNumbers { get; init; }
}

/// <summary>Identifier spaces the services pseudonymise people in.</summary>
public static class Spaces
{
    public const string Patient = "patient";

    public const string Clinician = "clinician";

    public const string Student = "student";

    public const string Member = "member";
}

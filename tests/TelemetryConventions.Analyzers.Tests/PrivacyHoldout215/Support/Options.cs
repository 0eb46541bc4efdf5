namespace PrivacyHoldout215.Support;

/// <summary>Options each marketplace service binds from configuration.</summary>
public sealed class MarketplaceOptions
{
    public string Region { get; init; } = "uk-south";

    public string Site { get; init; } = "marketplace";

    public int MaxLessonMinutes { get; init; } = 120;

    public int DbsRenewalDays { get; init; } = 1095;

    public string RecordingContainer { get; init; } = "lesson-recordings";
}

/// <summary>Results for minimal-API handlers (static classes have no controller base).</summary>
public static class MinimalResults
{
    public static ActionResult Ok(object? value = null) => new OkResult(value);

    public static ActionResult NotFound(string? detail = null) => new NotFoundResult(detail);
}

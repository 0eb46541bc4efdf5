namespace Ridewise.Safety;

// Safety reports, SOS alerts, lost items and ratings, as a ride platform's trust and safety API
// holds them.

/// <summary>A safety report. Prints the report, the trip, the reporter's account id, the category and the narrative the reporter typed.</summary>
public sealed record SafetyReport(string ReportId, string TripId, string ReporterAccountId, string Category, string Narrative);

/// <summary>An SOS raised in the app. Prints the alert, the trip, the rider's account id and phone, and the phone's position.</summary>
public sealed record SosAlert(string AlertId, string TripId, string RiderAccountId, string RiderPhone, Ridewise.Dispatch.GeoPoint Position, DateTimeOffset RaisedAt);

/// <summary>A lost item report. Prints the report, the trip, the category, the description the rider typed and the rider's phone.</summary>
public sealed record LostItemReport(string ReportId, string TripId, string Category, string Description, string ContactPhone);

/// <summary>A rating left after a trip. Prints the trip, the stars, the comment, the rater's and the rated person's ids.</summary>
public sealed record TripRating(string TripId, int Stars, string? Comment, string RaterId, string RatedId);

/// <summary>A driver's or rider's rating summary over a window. Prints only the window and the numbers.</summary>
public sealed record RatingWindow(int Days, int Ratings, double Average, int LowRatings);

public interface ITrustAndSafetyClient
{
    Task<string> FileReportAsync(SafetyReport report, CancellationToken cancellationToken = default);

    Task<string> EscalateSosAsync(SosAlert alert, CancellationToken cancellationToken = default);

    Task<string> LogLostItemAsync(LostItemReport report, CancellationToken cancellationToken = default);

    Task ConnectAsync(string driverPhone, string riderPhone, CancellationToken cancellationToken = default);

    Task<RatingWindow> GetWindowAsync(string subjectId, int days, CancellationToken cancellationToken = default);
}

/// <summary>The emergency centre did not acknowledge; the message quotes the alert and the centre.</summary>
public sealed class EmergencyCentreTimeoutException(string alertId, string centre)
    : Exception($"Alert {alertId} not acknowledged by {centre}")
{
    public string Centre { get; } = centre;
}

/// <summary>The driver cannot be reached; the message quotes the driver's mobile.</summary>
public sealed class DriverUnreachableException(string driverMobile) : Exception($"Could not reach driver on {driverMobile}")
{
    public string Reason { get; } = "no-answer";
}

namespace AccessKit.Visitors;

// The shapes of a visitor management kiosk's SDK: sign-ins, printed badges, host notifications
// and the watchlist screen.

/// <summary>A visitor's sign-in at reception or the kiosk.</summary>
public sealed record VisitorSignIn(string VisitId, string FullName, string Email, string? Mobile, string Company, string HostStaffId, string? CarRegistration, DateTimeOffset ArrivedAt);

/// <summary>The badge printed for a visitor.</summary>
public sealed record VisitorBadge(string BadgeNumber, string VisitId, string PrintedName, string Zone, DateTimeOffset ValidUntil);

/// <summary>The message sent to the member of staff a visitor came to see.</summary>
public sealed record HostNotification(string HostEmail, string Message);

/// <summary>Who is on site, for the fire roll call.</summary>
public sealed record SiteRollCall(string SiteId, int OnSite, int Visitors, int Contractors);

public sealed class WatchlistMatchException(string fullName, string listCode)
    : Exception($"Visitor {fullName} matched watchlist {listCode}")
{
    public string ListCode { get; } = listCode;
}

public sealed class BadgePrinterException(string printerId, string error)
    : Exception($"Badge printer {printerId}: {error}")
{
    public string PrinterId { get; } = printerId;
}

public interface IBadgePrinter
{
    Task PrintAsync(VisitorBadge badge, CancellationToken cancellationToken);
}

public interface IHostNotifier
{
    Task NotifyAsync(HostNotification notification, CancellationToken cancellationToken);
}

public interface IVisitorLog
{
    Task<string> RecordAsync(VisitorSignIn signIn, CancellationToken cancellationToken);

    Task SignOutAsync(string visitId, DateTimeOffset at, CancellationToken cancellationToken);

    Task<SiteRollCall> RollCallAsync(string siteId, CancellationToken cancellationToken);

    Task<IReadOnlyList<VisitorSignIn>> OnSiteAsync(string siteId, CancellationToken cancellationToken);
}

public interface IWatchlistScreen
{
    Task ScreenAsync(string fullName, string company, CancellationToken cancellationToken);
}

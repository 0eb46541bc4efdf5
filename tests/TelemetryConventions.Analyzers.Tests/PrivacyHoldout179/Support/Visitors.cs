namespace Reception.Visitors;

/// <summary>A visitor as the visitor log holds them: id, full name, email, mobile, company and car registration.</summary>
public sealed record Visitor(string VisitorId, string FullName, string Email, string? Mobile, string Company, string? CarRegistration);

/// <summary>A pre-registration sent by a host: invite id, the visitor's id, name and email, the host's staff id, site and time.</summary>
public sealed record PreRegistration(string InviteId, string VisitorId, string VisitorName, string VisitorEmail, string HostStaffId, string Site, DateTimeOffset ExpectedAt);

/// <summary>A sign-in at a kiosk: visit id, visitor id, visitor name, site, badge type and the photo taken (bytes).</summary>
public sealed record KioskSignIn(string VisitId, string VisitorId, string VisitorName, string Site, string BadgeType, byte[] Photo);

/// <summary>A visit without the visitor: visit id, site, badge type, minutes on site.</summary>
public sealed record VisitSummary(string VisitId, string Site, string BadgeType, int MinutesOnSite);

/// <summary>A reusable visitor badge the site prints and takes back: badge number, site, template.</summary>
public sealed record BadgePrint(string BadgeNumber, string Site, string TemplateId);

/// <summary>An NDA signed at the desk: visitor id, the signer's name, the NDA version and the signature as drawn (SVG path).</summary>
public sealed record NdaSignature(string VisitorId, string SignerName, string NdaVersion, string SignatureSvg);

/// <summary>A notification to a host: host staff id, host email, visitor name, message text.</summary>
public sealed record HostNotification(string HostStaffId, string HostEmail, string VisitorName, string Message);

/// <summary>A parcel delivered to a named recipient: parcel id, recipient name, recipient staff id, carrier, bay.</summary>
public sealed record Delivery(string ParcelId, string RecipientName, string RecipientStaffId, string Carrier, string Bay);

/// <summary>A watch list match at the desk: hit id, the name matched, the list entry, score.</summary>
public sealed record WatchListHit(string HitId, string MatchedName, string ListEntryId, int Score);

/// <summary>One person on an evacuation roll call: person id, name, muster point, accounted for.</summary>
public sealed record RollCallEntry(string PersonId, string PersonName, string MusterPoint, bool Accounted);

/// <summary>A muster point's totals; names no one.</summary>
public sealed record RollCallSummary(string MusterPoint, int Expected, int Accounted);

/// <summary>A contractor's site induction: contractor id, name, CSCS card number, employer, course, score.</summary>
public sealed record ContractorInduction(string ContractorId, string ContractorName, string CscsCard, string Employer, string CourseCode, int Score);

/// <summary>A visitor's profile as the portal holds it (a class, no ToString).</summary>
public sealed class VisitorProfile
{
    public required string VisitorId { get; init; }

    public required string DisplayName { get; init; }

    public required string Email { get; init; }

    public string Company { get; init; } = "";

    public string EmailDomain => Email[(Email.IndexOf('@') + 1)..];
}

/// <summary>The visitor log (a system of record, not telemetry).</summary>
public interface IVisitorLog
{
    Task<Visitor?> FindAsync(string visitorId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RollCallEntry>> OnSiteAsync(string site, CancellationToken cancellationToken = default);

    Task RecordAsync(KioskSignIn signIn, CancellationToken cancellationToken = default);
}

/// <summary>The host notifier (email, SMS, Teams), not telemetry.</summary>
public interface IHostNotifier
{
    Task NotifyAsync(HostNotification notification, CancellationToken cancellationToken = default);
}

/// <summary>The watch list screen, not telemetry.</summary>
public interface IWatchListScreen
{
    Task<WatchListHit?> ScreenAsync(string fullName, CancellationToken cancellationToken = default);
}

/// <summary>No such visitor; quotes the visitor id.</summary>
public sealed class VisitorNotFoundException(string visitorId) : Exception($"Visitor {visitorId} is not pre-registered");

/// <summary>A visitor on the barred list; quotes the visitor's name.</summary>
public sealed class VisitorBarredException(string visitorName) : Exception($"{visitorName} is barred from this site");

/// <summary>The host cannot be reached; quotes the host's email.</summary>
public sealed class HostUnavailableException(string hostEmail) : Exception($"Host {hostEmail} did not answer");

/// <summary>An induction has lapsed; quotes the CSCS card number.</summary>
public sealed class InductionExpiredException(string cscsCard) : Exception($"Induction for card {cscsCard} has expired");

/// <summary>A kiosk is offline; quotes the kiosk id.</summary>
public sealed class KioskOfflineException(string kioskId) : Exception($"Kiosk {kioskId} is offline");

/// <summary>The badge printer jammed; quotes the printer and the queue.</summary>
public sealed class BadgePrinterJamException(string printerId, int queued) : Exception($"Printer {printerId} jammed with {queued} badges queued");

/// <summary>A site is full; quotes the site and its capacity.</summary>
public sealed class SiteAtCapacityException(string site, int capacity) : Exception($"Site {site} is at its capacity of {capacity}");

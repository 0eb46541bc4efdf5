using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout39.Support;

// Stand-ins for the realtime, content-safety, hash-matching and age-assurance libraries the community
// services use, reduced to the shapes the services call.

/// <summary>A realtime hub, as SignalR shapes it.</summary>
public abstract class Hub
{
    public HubCallerContext Context { get; set; } = new();

    public IHubCallerClients Clients { get; set; } = null!;

    public IGroupManager Groups { get; set; } = null!;
}

public sealed class HubCallerContext
{
    public string ConnectionId { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>The account id of the signed-in user behind the connection.</summary>
    public string? UserIdentifier { get; init; }

    public IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

    public void Abort()
    {
    }
}

public interface IClientProxy
{
    Task SendAsync(string method, object? arg1, CancellationToken cancellationToken = default);
}

public interface IHubCallerClients
{
    IClientProxy Caller { get; }

    IClientProxy Group(string groupName);

    IClientProxy User(string userId);

    IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds);
}

public interface IGroupManager
{
    Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default);

    Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default);
}

public sealed class HubException(string message) : Exception(message);

/// <summary>Text and image analysis of a content-safety service (harm categories with severities 0 to 7).</summary>
public interface IContentSafetyClient
{
    Task<AnalyzeTextResult> AnalyzeTextAsync(AnalyzeTextOptions options, CancellationToken cancellationToken = default);

    Task<AnalyzeImageResult> AnalyzeImageAsync(ReadOnlyMemory<byte> image, CancellationToken cancellationToken = default);
}

public sealed class AnalyzeTextOptions(string text)
{
    public string Text { get; } = text;

    public IList<string> BlocklistNames { get; } = new List<string>();

    public bool HaltOnBlocklistHit { get; set; }
}

public sealed record TextCategoriesAnalysis(string Category, int Severity);

public sealed record TextBlocklistMatch(string BlocklistName, string BlocklistItemId, string BlocklistItemText);

public sealed record AnalyzeTextResult(IReadOnlyList<TextCategoriesAnalysis> CategoriesAnalysis, IReadOnlyList<TextBlocklistMatch> BlocklistsMatch)
{
    public int MaxSeverity => CategoriesAnalysis.Count == 0 ? 0 : CategoriesAnalysis.Max(c => c.Severity);
}

public sealed record AnalyzeImageResult(IReadOnlyList<TextCategoriesAnalysis> CategoriesAnalysis);

/// <summary>
/// What the content-safety service throws: its message is the HTTP status and the service's error code
/// ("Service request failed. Status: 429 (Too Many Requests) ErrorCode: TooManyRequests"); it never
/// repeats the analysed text.
/// </summary>
public sealed class ContentSafetyRequestFailedException(int status, string errorCode)
    : Exception($"Service request failed. Status: {status} ErrorCode: {errorCode}")
{
    public int Status { get; } = status;

    public string ErrorCode { get; } = errorCode;
}

/// <summary>A toxicity classifier hosted by the trust-and-safety team.</summary>
public interface IToxicityClassifier
{
    Task<ToxicityVerdict> ClassifyAsync(string text, string locale, CancellationToken cancellationToken = default);
}

public sealed record ToxicityVerdict(string Label, double Score, string ModelVersion, IReadOnlyList<string> MatchedTerms);

/// <summary>Perceptual hashing of images and the industry hash lists they are matched against.</summary>
public static class PerceptualHash
{
    /// <summary>A 64-bit difference hash of the image, as 16 hex characters.</summary>
    public static string Compute(ReadOnlySpan<byte> image)
    {
        ulong hash = 1469598103934665603UL;
        foreach (var b in image)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        return hash.ToString("x16");
    }
}

public interface IHashListClient
{
    Task<HashListMatch?> MatchAsync(string perceptualHash, CancellationToken cancellationToken = default);
}

public sealed record HashListMatch(string ListName, string EntryId, int Distance);

/// <summary>An age-assurance provider: facial age estimation and document checks.</summary>
public interface IAgeAssuranceClient
{
    Task<AgeEstimate> EstimateAsync(ReadOnlyMemory<byte> selfie, CancellationToken cancellationToken = default);

    Task<DocumentCheck> CheckDocumentAsync(string documentNumber, string documentType, DateOnly dateOfBirth, CancellationToken cancellationToken = default);
}

public sealed record AgeEstimate(string SessionId, double Age, double Uncertainty);

public sealed record DocumentCheck(string CheckId, string Result, string IssuingCountry, DateOnly DateOfBirth, string DocumentNumber);

/// <summary>
/// What the age-assurance provider throws. Its message is "{Code}: {Description}" with the
/// provider's fixed description ("document_unreadable: The document image could not be read").
/// </summary>
public sealed class AgeAssuranceException(string code, string description) : Exception($"{code}: {description}")
{
    public string Code { get; } = code;
}

/// <summary>Mail and push sending; what it sends reaches people, not telemetry.</summary>
public interface IMailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default);
}

public interface IPushSender
{
    Task SendAsync(string accountId, string title, string body, CancellationToken cancellationToken = default);
}

/// <summary>The service's own report categories, picked from a drop-down by the reporter.</summary>
public enum ReportCategory
{
    Spam,
    Harassment,
    HateSpeech,
    SelfHarm,
    Impersonation,
    Misinformation,
    Other,
}

/// <summary>Actions a moderator can take, from the moderation console's fixed list.</summary>
public enum ModerationActionKind
{
    Dismiss,
    Hide,
    Remove,
    Warn,
    Mute,
    Suspend,
    Ban,
}

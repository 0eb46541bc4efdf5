namespace FitSync.Activities;

// Stand-ins in the shape of a Strava-style activity platform's API client: athletes, activities, streams,
// segment efforts, webhooks and OAuth tokens. Records print their members.

public sealed record LatLng(double Lat, double Lng);

/// <summary>The athlete as the platform returns them. Prints id, username, names, city and sex.</summary>
public sealed record SummaryAthlete(long Id, string Username, string FirstName, string LastName, string? City, string? Sex);

/// <summary>A recorded activity. Prints its members, the owner's athlete id, its typed name and start and end positions included.</summary>
public sealed record SummaryActivity(
    long Id,
    long AthleteId,
    string Name,
    string SportType,
    DateTimeOffset StartDate,
    double DistanceMeters,
    int MovingTimeSeconds,
    double TotalElevationGain,
    double? AverageHeartrate,
    double? MaxHeartrate,
    LatLng? StartLatLng,
    LatLng? EndLatLng,
    string? MapPolyline,
    string? DeviceName,
    bool Manual,
    bool Private);

/// <summary>The sample streams of an activity. A class without ToString: it prints its type's name.</summary>
public sealed class ActivityStreams
{
    public int[] Time { get; init; } = [];

    public int[]? HeartRate { get; init; }

    public LatLng[]? LatLng { get; init; }

    public double[]? Altitude { get; init; }

    public int[]? Cadence { get; init; }

    public int[]? Watts { get; init; }
}

/// <summary>A public segment (a stretch of road or path). Prints its members.</summary>
public sealed record Segment(long Id, string Name, double DistanceMeters, double AverageGrade, LatLng StartLatLng, string City);

/// <summary>One athlete's effort on a segment. Prints its members, the athlete id included.</summary>
public sealed record SegmentEffort(long Id, long SegmentId, string SegmentName, long AthleteId, int ElapsedTimeSeconds, DateTimeOffset StartDate, int? PrRank, int? KomRank);

/// <summary>A webhook event: the object changed and its owner. Prints its members.</summary>
public sealed record WebhookEvent(string ObjectType, long ObjectId, string AspectType, long OwnerId, int SubscriptionId, long EventTime, IReadOnlyDictionary<string, string> Updates);

/// <summary>An athlete's OAuth tokens. Prints its members.</summary>
public sealed record TokenSet(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, long AthleteId);

/// <summary>The status of a file upload. Prints its members.</summary>
public sealed record UploadStatus(long Id, string ExternalId, string Status, string? Error, long? ActivityId);

public interface IActivityClient
{
    Task<SummaryActivity> GetActivityAsync(long activityId, string accessToken, CancellationToken cancellationToken = default);

    Task<ActivityStreams> GetStreamsAsync(long activityId, string accessToken, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SegmentEffort>> GetSegmentEffortsAsync(long activityId, string accessToken, CancellationToken cancellationToken = default);

    Task<Segment> GetSegmentAsync(long segmentId, CancellationToken cancellationToken = default);

    Task<TokenSet> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default);

    Task<UploadStatus> UploadAsync(string accessToken, byte[] fitFile, string externalId, CancellationToken cancellationToken = default);
}

/// <summary>The platform answered with an error; the message is the platform's text for the status.</summary>
public class ActivityApiException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>The athlete revoked access or their token expired; quotes the athlete id.</summary>
public sealed class AthleteUnauthorizedException(long athleteId)
    : ActivityApiException(401, $"Athlete {athleteId} revoked access or the token expired")
{
    public long AthleteId { get; } = athleteId;
}

/// <summary>Fifteen-minute or daily limit reached; quotes usage and limit.</summary>
public sealed class RateLimitExceededException(int usage, int limit)
    : ActivityApiException(429, $"Rate limit exceeded: {usage}/{limit} requests in 15 minutes")
{
    public int Usage { get; } = usage;
}

/// <summary>The activity is gone or private; quotes the activity id.</summary>
public sealed class ActivityNotFoundException(long activityId)
    : ActivityApiException(404, $"Activity {activityId} not found or not visible")
{
    public long ActivityId { get; } = activityId;
}

/// <summary>An upload with this external id was already made; quotes the external id.</summary>
public sealed class DuplicateUploadException(string externalId)
    : ActivityApiException(409, $"Duplicate of upload {externalId}")
{
    public string ExternalId { get; } = externalId;
}

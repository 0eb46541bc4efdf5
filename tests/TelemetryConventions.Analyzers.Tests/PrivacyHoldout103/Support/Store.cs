namespace StoreKit;

// App store stand-ins: the App Store Server API's decoded transaction and notification (V2), Google
// Play Developer API's SubscriptionPurchaseV2, and store reviews as the stores' review APIs list them.

/// <summary>A decoded JWS transaction. <c>AppAccountToken</c> is the UUID the app set to its own account id at purchase.</summary>
public sealed record JwsTransaction(
    string TransactionId,
    string OriginalTransactionId,
    string ProductId,
    string BundleId,
    DateTimeOffset PurchaseDate,
    DateTimeOffset? ExpiresDate,
    Guid? AppAccountToken,
    string Environment,
    string Storefront,
    string Type);

public sealed class AppStoreNotification
{
    /// <summary><c>SUBSCRIBED</c>, <c>DID_RENEW</c>, <c>EXPIRED</c>, <c>REFUND</c>, …</summary>
    public required string NotificationType { get; init; }

    public string? Subtype { get; init; }

    public Guid NotificationUuid { get; init; }

    public DateTimeOffset SignedDate { get; init; }

    public required JwsTransaction Transaction { get; init; }
}

public interface IAppStoreServerClient
{
    Task<JwsTransaction> GetTransactionInfoAsync(string transactionId, CancellationToken cancellationToken = default);
}

/// <summary>The App Store Server API's error: an HTTP status, an error code and Apple's message (<c>"Invalid transaction id."</c>).</summary>
public sealed class AppStoreApiException(int httpStatus, long errorCode, string errorMessage)
    : Exception($"{errorCode}: {errorMessage}")
{
    public int HttpStatus { get; } = httpStatus;

    public long ErrorCode { get; } = errorCode;
}

public sealed class ExternalAccountIdentifiers
{
    /// <summary>The app's own account id of the buyer as the app passed it to Billing (<c>setObfuscatedAccountId</c>).</summary>
    public string? ObfuscatedExternalAccountId { get; init; }

    public string? ObfuscatedExternalProfileId { get; init; }
}

public sealed class SubscriptionLineItem
{
    public required string ProductId { get; init; }

    public DateTimeOffset ExpiryTime { get; init; }
}

/// <summary>Play's purchases.subscriptionsv2 resource. A class without <c>ToString</c>.</summary>
public sealed class SubscriptionPurchaseV2
{
    public required string LatestOrderId { get; init; }

    /// <summary><c>SUBSCRIPTION_STATE_ACTIVE</c>, <c>…_IN_GRACE_PERIOD</c>, <c>…_EXPIRED</c>, …</summary>
    public required string SubscriptionState { get; init; }

    public string? RegionCode { get; init; }

    public ExternalAccountIdentifiers? ExternalAccountIdentifiers { get; init; }

    public IReadOnlyList<SubscriptionLineItem> LineItems { get; init; } = [];

    public string AcknowledgementState { get; init; } = "ACKNOWLEDGEMENT_STATE_PENDING";
}

public interface IPlayDeveloperClient
{
    Task<SubscriptionPurchaseV2> GetSubscriptionV2Async(string packageName, string purchaseToken, CancellationToken cancellationToken = default);

    Task AcknowledgeAsync(string packageName, string productId, string purchaseToken, CancellationToken cancellationToken = default);
}

/// <summary>Google API error: a code and the API's message about the request.</summary>
public sealed class GoogleApiException(int httpStatusCode, string message) : Exception(message)
{
    public int HttpStatusCode { get; } = httpStatusCode;
}

/// <summary>A store review: its author is the reviewer's store nickname, its text what they typed.</summary>
public sealed record StoreReview(string ReviewId, string AuthorName, int StarRating, string Text, string AppVersion, string Territory, DateTimeOffset LastModified);

public interface IStoreReviewsClient
{
    Task<IReadOnlyList<StoreReview>> ListSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    Task ReplyAsync(string reviewId, string text, CancellationToken cancellationToken = default);
}

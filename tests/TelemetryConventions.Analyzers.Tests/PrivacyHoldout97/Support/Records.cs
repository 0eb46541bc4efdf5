namespace RecordsKit
{
    /// <summary>A retention label: how long a kind of document is kept and what happens then. Prints its members.</summary>
    public sealed record RetentionLabel(string Name, TimeSpan Period, string Disposition);

    /// <summary>
    /// The index entry of a stored document, as the organisation's records service keeps it: the document, whose it
    /// is (<c>OwnerRef</c>: the patient's, student's, account's, customer's number), where it is and how long it is kept.
    /// Prints its members.
    /// </summary>
    public sealed record DocumentRecord(
        string DocumentId,
        string OwnerRef,
        string Kind,
        string Container,
        string BlobName,
        DateTimeOffset CreatedUtc,
        string RetentionLabel,
        DateTimeOffset RetainUntil,
        string? LegalHoldId = null);

    /// <summary>A legal hold placed on a matter's documents. Prints its members.</summary>
    public sealed record LegalHold(string HoldId, string MatterReference, string PlacedByEmail, DateTimeOffset PlacedUtc);

    public interface IDocumentIndex
    {
        IAsyncEnumerable<DocumentRecord> ExpiredAsync(DateTimeOffset asOf, int batchSize, CancellationToken cancellationToken = default);

        Task<DocumentRecord?> FindAsync(string documentId, CancellationToken cancellationToken = default);

        Task SaveAsync(DocumentRecord record, CancellationToken cancellationToken = default);

        Task MarkDisposedAsync(string documentId, DateTimeOffset at, CancellationToken cancellationToken = default);

        Task<IReadOnlyList<LegalHold>> HoldsForAsync(string documentId, CancellationToken cancellationToken = default);
    }

    /// <summary>The records service refused to dispose of a document under hold; quotes the document id and the hold id.</summary>
    public sealed class RetentionConflictException(string documentId, string holdId)
        : InvalidOperationException($"Document {documentId} is under legal hold {holdId} and cannot be disposed")
    {
        public string DocumentId { get; } = documentId;

        public string HoldId { get; } = holdId;
    }
}

namespace CdnKit
{
    /// <summary>Signs CDN URLs with a key pair, in the shape of CloudFront's URL signer (<c>Expires</c>, <c>Signature</c>, <c>Key-Pair-Id</c>).</summary>
    public static class CdnUrlSigner
    {
        public static string GetCannedSignedUrl(string resourceUrl, string keyPairId, RSA privateKey, DateTime expiresOn) =>
            resourceUrl + "?Expires=" + new DateTimeOffset(expiresOn).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) +
            "&Signature=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(128)).Replace('+', '-').Replace('=', '_').Replace('/', '~') +
            "&Key-Pair-Id=" + keyPairId;
    }

    /// <summary>The CDN's cache: purges paths.</summary>
    public interface ICdnPurger
    {
        Task<string> PurgeAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken = default);
    }
}

namespace BlobKit
{
    /// <summary>Bytes downloaded from the service, as <c>System.BinaryData</c>: <c>ToString</c> reads them as UTF-8 text.</summary>
    public sealed class BinaryData(byte[] bytes)
    {
        public static BinaryData FromBytes(byte[] bytes) => new(bytes);

        public byte[] ToArray() => bytes;

        public Stream ToStream() => new MemoryStream(bytes, writable: false);

        public override string ToString() => Encoding.UTF8.GetString(bytes);
    }

    /// <summary>A service response, as the storage SDK wraps every result.</summary>
    public sealed class Response<T>(T value, int status)
    {
        public T Value { get; } = value;

        public int Status { get; } = status;

        public static implicit operator T(Response<T> response) => response.Value;
    }

    public sealed class BlobServiceClient(Uri serviceUri)
    {
        public Uri Uri { get; } = serviceUri;

        public string AccountName => Uri.Host.Split('.')[0];

        public BlobContainerClient GetBlobContainerClient(string blobContainerName) => new(new Uri(Uri, blobContainerName + "/"), blobContainerName);
    }

    public sealed class BlobContainerClient(Uri uri, string name)
    {
        public Uri Uri { get; } = uri;

        public string Name { get; } = name;

        public string AccountName => Uri.Host.Split('.')[0];

        public BlobClient GetBlobClient(string blobName) => new(new Uri(Uri, blobName), Name, blobName);

        public Task<Response<bool>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => Task.FromResult(new Response<bool>(false, 200));

        /// <summary>Lists the blobs under a prefix, a page at a time.</summary>
        public async IAsyncEnumerable<BlobItem> GetBlobsAsync(BlobTraits traits = BlobTraits.None, BlobStates states = BlobStates.None, string? prefix = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield break;
        }

        /// <summary>Finds blobs by their index tags, e.g. <c>"retention" = 'expired'</c>.</summary>
        public async IAsyncEnumerable<TaggedBlobItem> FindBlobsByTagsAsync(string tagFilterSqlExpression, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield break;
        }
    }

    [Flags]
    public enum BlobTraits
    {
        None = 0,
        Metadata = 1,
        Tags = 2,
        ImmutabilityPolicy = 4,
        LegalHold = 8,
    }

    [Flags]
    public enum BlobStates
    {
        None = 0,
        Deleted = 1,
        Version = 2,
    }

    public sealed class BlobClient(Uri uri, string containerName, string name)
    {
        /// <summary>The blob's full URI: account, container and blob name.</summary>
        public Uri Uri { get; } = uri;

        public string BlobContainerName { get; } = containerName;

        public string Name { get; } = name;

        public string AccountName => Uri.Host.Split('.')[0];

        public bool CanGenerateSasUri => true;

        public Task<Response<BlobContentInfo>> UploadAsync(Stream content, BlobUploadOptions options, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Response<BlobContentInfo>(new BlobContentInfo(), 201));

        public Task<Response<BlobDownloadResult>> DownloadContentAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new Response<BlobDownloadResult>(new BlobDownloadResult { Content = BinaryData.FromBytes(Array.Empty<byte>()), Details = new BlobProperties() }, 200));

        public Task<Response<Stream>> OpenReadAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new Response<Stream>(new MemoryStream(), 200));

        public Task<Response<BlobProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new Response<BlobProperties>(new BlobProperties(), 200));

        public Task<Response<BlobInfo>> SetMetadataAsync(IDictionary<string, string> metadata, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Response<BlobInfo>(new BlobInfo(), 200));

        public Task<Response<IDictionary<string, string>>> GetTagsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new Response<IDictionary<string, string>>(new Dictionary<string, string>(), 200));

        public Task<Response<int>> SetTagsAsync(IDictionary<string, string> tags, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Response<int>(204, 204));

        public Task<Response<bool>> DeleteIfExistsAsync(DeleteSnapshotsOption snapshotsOption = DeleteSnapshotsOption.None, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Response<bool>(true, 202));

        public Task<Response<CopyFromUriOperation>> StartCopyFromUriAsync(Uri source, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Response<CopyFromUriOperation>(new CopyFromUriOperation(Guid.NewGuid().ToString()), 202));

        public Task<Response<BlobLegalHoldResult>> SetLegalHoldAsync(bool hasLegalHold, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Response<BlobLegalHoldResult>(new BlobLegalHoldResult { HasLegalHold = hasLegalHold }, 200));

        public Task<Response<BlobImmutabilityPolicy>> SetImmutabilityPolicyAsync(BlobImmutabilityPolicy immutabilityPolicy, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Response<BlobImmutabilityPolicy>(immutabilityPolicy, 200));

        /// <summary>A URI with a shared access signature: the blob's URI and a signed query (<c>sv, se, sr, sp, sig</c>).</summary>
        public Uri GenerateSasUri(Sas.BlobSasBuilder builder) =>
            new(Uri + "?sv=2024-08-04&se=" + Uri.EscapeDataString(builder.ExpiresOn.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)) + "&sr=b&sp=r&sig=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    public enum DeleteSnapshotsOption
    {
        None,
        IncludeSnapshots,
    }

    public sealed class CopyFromUriOperation(string id)
    {
        public string Id { get; } = id;

        public bool HasCompleted => true;
    }

    public sealed class BlobUploadOptions
    {
        public BlobHttpHeaders? HttpHeaders { get; set; }

        public IDictionary<string, string>? Metadata { get; set; }

        public IDictionary<string, string>? Tags { get; set; }

        public BlobRequestConditions? Conditions { get; set; }

        public AccessTier? AccessTier { get; set; }
    }

    public sealed class BlobHttpHeaders
    {
        public string? ContentType { get; set; }

        public string? ContentDisposition { get; set; }

        public string? CacheControl { get; set; }

        public byte[]? ContentHash { get; set; }
    }

    public sealed class BlobRequestConditions
    {
        /// <summary><c>*</c> in <c>IfNoneMatch</c>: only create, never overwrite.</summary>
        public string? IfNoneMatch { get; set; }

        public string? IfMatch { get; set; }
    }

    public readonly record struct AccessTier(string Name)
    {
        public static AccessTier Hot { get; } = new("Hot");

        public static AccessTier Cool { get; } = new("Cool");

        public static AccessTier Archive { get; } = new("Archive");

        public override string ToString() => Name;
    }

    /// <summary>What an upload returns. A class without <c>ToString</c>.</summary>
    public sealed class BlobContentInfo
    {
        public string ETag { get; init; } = "\"0x8DC" + Random.Shared.Next().ToString("X", CultureInfo.InvariantCulture) + "\"";

        public DateTimeOffset LastModified { get; init; } = DateTimeOffset.UtcNow;

        public byte[]? ContentHash { get; init; }

        public string? VersionId { get; init; }
    }

    public sealed class BlobInfo
    {
        public string ETag { get; init; } = "\"0x8DC0\"";

        public DateTimeOffset LastModified { get; init; } = DateTimeOffset.UtcNow;
    }

    public sealed class BlobDownloadResult
    {
        public required BinaryData Content { get; init; }

        public required BlobProperties Details { get; init; }
    }

    /// <summary>A blob's properties and metadata. A class without <c>ToString</c>.</summary>
    public sealed class BlobProperties
    {
        public string ContentType { get; init; } = "application/octet-stream";

        public long ContentLength { get; init; }

        public string? ContentDisposition { get; init; }

        public byte[]? ContentHash { get; init; }

        public string ETag { get; init; } = "\"0x8DC0\"";

        public DateTimeOffset CreatedOn { get; init; }

        public DateTimeOffset LastModified { get; init; }

        public IDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

        public long TagCount { get; init; }

        public bool HasLegalHold { get; init; }

        public BlobImmutabilityPolicy? ImmutabilityPolicy { get; init; }

        public string AccessTier { get; init; } = "Hot";
    }

    public sealed class BlobItem
    {
        public required string Name { get; init; }

        public bool Deleted { get; init; }

        public string? VersionId { get; init; }

        public BlobItemProperties Properties { get; init; } = new();

        public IDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

        public IDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

        public bool HasVersionsOnly { get; init; }
    }

    public sealed class BlobItemProperties
    {
        public long? ContentLength { get; init; }

        public string? ContentType { get; init; }

        public DateTimeOffset? CreatedOn { get; init; }

        public DateTimeOffset? LastModified { get; init; }

        public bool? HasLegalHold { get; init; }

        public BlobImmutabilityPolicy? ImmutabilityPolicy { get; init; }
    }

    public sealed class TaggedBlobItem
    {
        public required string BlobName { get; init; }

        public required string BlobContainerName { get; init; }

        public IDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    }

    public sealed class BlobImmutabilityPolicy
    {
        public DateTimeOffset? ExpiresOn { get; set; }

        public string PolicyMode { get; set; } = "Unlocked";
    }

    public sealed class BlobLegalHoldResult
    {
        public bool HasLegalHold { get; init; }
    }

    /// <summary>
    /// The storage service's error. Its message is the service's text, the status and the error code
    /// (<c>The specified blob does not exist.\nStatus: 404 (The specified blob does not exist.)\nErrorCode: BlobNotFound</c>);
    /// it names neither the blob nor the container.
    /// </summary>
    public sealed class RequestFailedException(int status, string errorCode, string message)
        : Exception($"{message}\nStatus: {status} ({message})\nErrorCode: {errorCode}")
    {
        public int Status { get; } = status;

        public string ErrorCode { get; } = errorCode;
    }
}

namespace BlobKit.Sas
{
    [Flags]
    public enum BlobSasPermissions
    {
        Read = 1,
        Add = 2,
        Create = 4,
        Write = 8,
        Delete = 16,
    }

    /// <summary>Builds the signed query of a shared access signature.</summary>
    public sealed class BlobSasBuilder
    {
        public BlobSasBuilder()
        {
        }

        public BlobSasBuilder(BlobSasPermissions permissions, DateTimeOffset expiresOn)
        {
            Permissions = permissions;
            ExpiresOn = expiresOn;
        }

        public string? BlobContainerName { get; set; }

        public string? BlobName { get; set; }

        /// <summary><c>b</c> for a blob, <c>c</c> for a container.</summary>
        public string Resource { get; set; } = "b";

        public DateTimeOffset StartsOn { get; set; }

        public DateTimeOffset ExpiresOn { get; set; }

        public BlobSasPermissions Permissions { get; private set; }

        /// <summary>The <c>Content-Disposition</c> the download is served with (<c>rscd</c>).</summary>
        public string? ContentDisposition { get; set; }

        public string? ContentType { get; set; }

        public void SetPermissions(BlobSasPermissions permissions) => Permissions = permissions;
    }
}

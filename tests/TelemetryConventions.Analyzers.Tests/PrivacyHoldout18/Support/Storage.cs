using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for the Azure Blob Storage and Amazon S3 clients. Only the shapes matter.

namespace Azure
{
    public enum WaitUntil
    {
        Started,
        Completed,
    }

    /// <summary>The storage service's error: status, error code and the service's own text (it names no blob).</summary>
    public class RequestFailedException(int status, string message, string? errorCode = null, Exception? innerException = null)
        : Exception(message, innerException)
    {
        public int Status { get; } = status;

        public string? ErrorCode { get; } = errorCode;
    }

    public sealed class Response<T>(T value, int status = 200)
    {
        public T Value { get; } = value;

        public int Status { get; } = status;
    }
}

namespace Azure.Storage.Sas
{
    [Flags]
    public enum BlobSasPermissions
    {
        Read = 1,
        Add = 2,
        Create = 4,
        Write = 8,
        Delete = 16,
        All = Read | Add | Create | Write | Delete,
    }
}

namespace Azure.Storage.Blobs.Models
{
    public sealed class BlobItemProperties
    {
        public long? ContentLength { get; init; }

        public string? ContentType { get; init; }

        public DateTimeOffset? CreatedOn { get; init; }

        public DateTimeOffset? LastModified { get; init; }
    }

    public sealed class BlobItem
    {
        public required string Name { get; init; }

        public BlobItemProperties Properties { get; init; } = new();

        public IDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    }

    public sealed class BlobHttpHeaders
    {
        public string? ContentType { get; set; }

        public string? ContentDisposition { get; set; }

        public byte[]? ContentHash { get; set; }
    }

    public sealed class BlobUploadOptions
    {
        public BlobHttpHeaders? HttpHeaders { get; set; }

        public IDictionary<string, string>? Metadata { get; set; }

        public IDictionary<string, string>? Tags { get; set; }
    }

    public sealed class BlobContentInfo
    {
        public string ETag { get; init; } = "\"0x8DC\"";

        public byte[]? ContentHash { get; init; }

        public DateTimeOffset LastModified { get; init; }
    }
}

namespace Azure.Storage.Blobs
{
    using Azure.Storage.Blobs.Models;
    using Azure.Storage.Sas;

    public class BlobServiceClient(Uri serviceUri)
    {
        public Uri Uri { get; } = serviceUri;

        public string AccountName => Uri.Host.Split('.')[0];

        public virtual BlobContainerClient GetBlobContainerClient(string blobContainerName) =>
            new(new Uri(Uri, blobContainerName + "/"), blobContainerName);
    }

    public class BlobContainerClient(Uri uri, string name)
    {
        public Uri Uri { get; } = uri;

        public string Name { get; } = name;

        public virtual BlobClient GetBlobClient(string blobName) => new(new Uri(Uri, blobName), Name, blobName);

        public virtual Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public virtual async IAsyncEnumerable<BlobItem> GetBlobsAsync(string? prefix = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield break;
        }

        public virtual Task<Response<bool>> DeleteBlobIfExistsAsync(string blobName, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Response<bool>(true, 202));
    }

    public class BlobClient(Uri uri, string containerName, string name)
    {
        public Uri Uri { get; } = uri;

        public string BlobContainerName { get; } = containerName;

        public string Name { get; } = name;

        public bool CanGenerateSasUri => true;

        public virtual Task<Response<BlobContentInfo>> UploadAsync(Stream content, BlobUploadOptions options, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Response<BlobContentInfo>(new BlobContentInfo(), 201));

        public virtual Task<Response<BlobContentInfo>> UploadAsync(Stream content, bool overwrite, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Response<BlobContentInfo>(new BlobContentInfo(), 201));

        public virtual Task<Stream> OpenReadAsync(CancellationToken cancellationToken = default) => Task.FromResult<Stream>(new MemoryStream());

        public virtual Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new Response<bool>(true, 202));

        public virtual Uri GenerateSasUri(BlobSasPermissions permissions, DateTimeOffset expiresOn) =>
            new(Uri + "?sv=2023-11-03&se=" + Uri.EscapeDataString(expiresOn.ToString("O")) + "&sr=b&sp=r&sig=" + Guid.NewGuid().ToString("N"));
    }
}

namespace Amazon.S3
{
    using Amazon.S3.Model;

    public enum HttpVerb
    {
        GET,
        PUT,
    }

    /// <summary>S3's error: the service's error code and its short text (it names no key).</summary>
    public class AmazonS3Exception(string message, HttpStatusCode statusCode = HttpStatusCode.InternalServerError, string? errorCode = null)
        : Exception(message)
    {
        public HttpStatusCode StatusCode { get; } = statusCode;

        public string? ErrorCode { get; } = errorCode;

        public string? RequestId { get; init; }
    }

    public interface IAmazonS3
    {
        Task<PutObjectResponse> PutObjectAsync(PutObjectRequest request, CancellationToken cancellationToken = default);

        Task<GetObjectResponse> GetObjectAsync(string bucketName, string key, CancellationToken cancellationToken = default);

        string GetPreSignedURL(GetPreSignedUrlRequest request);

        Task<ListObjectsV2Response> ListObjectsV2Async(ListObjectsV2Request request, CancellationToken cancellationToken = default);

        Task<DeleteObjectsResponse> DeleteObjectsAsync(DeleteObjectsRequest request, CancellationToken cancellationToken = default);
    }
}

namespace Amazon.S3.Model
{
    using Amazon.S3;

    public sealed class PutObjectRequest
    {
        public string BucketName { get; set; } = string.Empty;

        public string Key { get; set; } = string.Empty;

        public Stream? InputStream { get; set; }

        public string? ContentType { get; set; }

        public string? ChecksumSHA256 { get; set; }

        public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>();
    }

    public sealed class PutObjectResponse
    {
        public string ETag { get; init; } = "\"etag\"";

        public HttpStatusCode HttpStatusCode { get; init; } = HttpStatusCode.OK;

        public string? VersionId { get; init; }
    }

    public sealed class GetObjectResponse : IDisposable
    {
        public string Key { get; init; } = string.Empty;

        public string BucketName { get; init; } = string.Empty;

        public long ContentLength { get; init; }

        public Stream ResponseStream { get; init; } = Stream.Null;

        public void Dispose() => ResponseStream.Dispose();
    }

    public sealed class GetPreSignedUrlRequest
    {
        public string BucketName { get; set; } = string.Empty;

        public string Key { get; set; } = string.Empty;

        public DateTime Expires { get; set; }

        public HttpVerb Verb { get; set; } = HttpVerb.GET;

        public ResponseHeaderOverrides ResponseHeaderOverrides { get; } = new();
    }

    public sealed class ResponseHeaderOverrides
    {
        public string? ContentDisposition { get; set; }
    }

    public sealed class ListObjectsV2Request
    {
        public string BucketName { get; set; } = string.Empty;

        public string? Prefix { get; set; }

        public string? ContinuationToken { get; set; }

        public int MaxKeys { get; set; } = 1000;
    }

    public sealed class S3Object
    {
        public string Key { get; init; } = string.Empty;

        public long Size { get; init; }

        public DateTime LastModified { get; init; }

        public string ETag { get; init; } = string.Empty;
    }

    public sealed class ListObjectsV2Response
    {
        public List<S3Object> S3Objects { get; init; } = new();

        public bool IsTruncated { get; init; }

        public string? NextContinuationToken { get; init; }
    }

    public sealed class KeyVersion
    {
        public string Key { get; set; } = string.Empty;

        public string? VersionId { get; set; }
    }

    public sealed class DeleteObjectsRequest
    {
        public string BucketName { get; set; } = string.Empty;

        public List<KeyVersion> Objects { get; set; } = new();
    }

    public sealed class DeletedObject
    {
        public string Key { get; init; } = string.Empty;
    }

    public sealed class DeleteError
    {
        public string Key { get; init; } = string.Empty;

        public string Code { get; init; } = string.Empty;

        public string Message { get; init; } = string.Empty;
    }

    public sealed class DeleteObjectsResponse
    {
        public List<DeletedObject> DeletedObjects { get; init; } = new();

        public List<DeleteError> DeleteErrors { get; init; } = new();
    }
}

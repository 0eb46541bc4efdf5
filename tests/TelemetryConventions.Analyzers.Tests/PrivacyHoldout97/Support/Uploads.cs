namespace UploadKit
{
    /// <summary>A file sent with a multipart form, as ASP.NET Core's <c>IFormFile</c>.</summary>
    public interface IFormFile
    {
        /// <summary>The raw <c>Content-Disposition</c> header of the part: <c>form-data; name="file"; filename="…"</c>.</summary>
        string ContentDisposition { get; }

        string ContentType { get; }

        long Length { get; }

        /// <summary>The form field's name.</summary>
        string Name { get; }

        /// <summary>The file name the client sent.</summary>
        string FileName { get; }

        IDictionary<string, string> Headers { get; }

        Stream OpenReadStream();

        Task CopyToAsync(Stream target, CancellationToken cancellationToken = default);
    }

    public interface IFormFileCollection : IReadOnlyList<IFormFile>
    {
        IFormFile? GetFile(string name);
    }

    public sealed class FormCollection
    {
        public IFormFileCollection Files { get; init; } = null!;

        public IDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();
    }

    /// <summary>The request as the handlers read it.</summary>
    public sealed class HttpRequest
    {
        public string Method { get; init; } = "POST";

        public string Path { get; init; } = "/";

        /// <summary>The raw query string, with its leading <c>?</c>.</summary>
        public string QueryString { get; init; } = string.Empty;

        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public long? ContentLength { get; init; }

        public string? ContentType { get; init; }

        public Stream Body { get; init; } = Stream.Null;

        public Task<FormCollection> ReadFormAsync(CancellationToken cancellationToken = default) => Task.FromResult(new FormCollection());
    }

    public interface IResult;

    /// <summary>Results of minimal API handlers.</summary>
    public static class Results
    {
        public static IResult Ok(object? value = null) => new ValueResult(200, value);

        public static IResult Created(string uri, object? value) => new ValueResult(201, value);

        public static IResult Accepted(string? uri = null, object? value = null) => new ValueResult(202, value);

        public static IResult BadRequest(object? error = null) => new ValueResult(400, error);

        public static IResult NotFound() => new ValueResult(404, null);

        public static IResult Conflict(object? error = null) => new ValueResult(409, error);

        public static IResult UnprocessableEntity(object? error = null) => new ValueResult(422, error);

        public static IResult StatusCode(int statusCode) => new ValueResult(statusCode, null);

        public static IResult Redirect(string url) => new ValueResult(302, url);

        /// <summary>A file download; <paramref name="fileDownloadName"/> becomes the <c>Content-Disposition</c> file name.</summary>
        public static IResult File(Stream stream, string contentType, string? fileDownloadName = null) => new ValueResult(200, fileDownloadName);

        private sealed record ValueResult(int StatusCode, object? Value) : IResult;
    }

    /// <summary>A problem the service refused an upload for.</summary>
    public sealed record UploadProblem(string Code, string Detail);
}

namespace UploadKit.Tus
{
    /// <summary>
    /// The resumable upload protocol (tus 1.0): <c>Upload-Length</c>, <c>Upload-Offset</c> and <c>Upload-Metadata</c>, whose
    /// pairs are a key and a base64 value (<c>filename d29ya2xvZy5wZGY=,filetype YXBwbGljYXRpb24vcGRm</c>).
    /// </summary>
    public sealed class Metadata
    {
        private readonly byte[] _value;

        private Metadata(byte[] value) => _value = value;

        public byte[] GetBytes() => _value;

        public string GetString(Encoding encoding) => encoding.GetString(_value);

        public static Dictionary<string, Metadata> Parse(string uploadMetadataHeader) =>
            uploadMetadataHeader.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(pair => pair.Split(' ', 2))
                .ToDictionary(p => p[0], p => new Metadata(p.Length > 1 ? Convert.FromBase64String(p[1]) : Array.Empty<byte>()), StringComparer.Ordinal);
    }

    public interface ITusFile
    {
        /// <summary>The upload's id, random, the last segment of its upload URL.</summary>
        string Id { get; }

        Task<Stream> GetContentAsync(CancellationToken cancellationToken);

        Task<Dictionary<string, Metadata>> GetMetadataAsync(CancellationToken cancellationToken);
    }

    public sealed class FileCompleteContext
    {
        public required string FileId { get; init; }

        public required HttpRequest Request { get; init; }

        public CancellationToken CancellationToken { get; init; }

        public required ITusFile File { get; init; }

        public Task<ITusFile> GetFileAsync() => Task.FromResult(File);
    }

    public sealed class BeforeCreateContext
    {
        public required HttpRequest Request { get; init; }

        public long UploadLength { get; init; }

        public required Dictionary<string, Metadata> Metadata { get; init; }

        public CancellationToken CancellationToken { get; init; }

        public bool HasFailed { get; private set; }

        public string? FailMessage { get; private set; }

        /// <summary>Refuses the upload; the message is returned to the client in the 400 response.</summary>
        public void FailRequest(string message)
        {
            HasFailed = true;
            FailMessage = message;
        }
    }

    public sealed class TusEvents
    {
        public Func<BeforeCreateContext, Task>? OnBeforeCreateAsync { get; set; }

        public Func<FileCompleteContext, Task>? OnFileCompleteAsync { get; set; }
    }

    public sealed class DefaultTusConfiguration
    {
        public string UrlPath { get; set; } = "/files";

        public long? MaxAllowedUploadSizeInBytesLong { get; set; }

        public TusEvents Events { get; set; } = new();
    }
}

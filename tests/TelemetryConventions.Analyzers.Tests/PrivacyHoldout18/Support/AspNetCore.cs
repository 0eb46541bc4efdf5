using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for the parts of ASP.NET Core the file endpoints use: uploaded form files, the request
// and minimal-API results. Only the shapes matter.

namespace Microsoft.AspNetCore.Http
{
    public interface IFormFile
    {
        /// <summary>The raw Content-Type header of the part.</summary>
        string ContentType { get; }

        /// <summary>The raw Content-Disposition header of the part (it quotes the file name).</summary>
        string ContentDisposition { get; }

        IDictionary<string, string> Headers { get; }

        long Length { get; }

        /// <summary>The form field name.</summary>
        string Name { get; }

        /// <summary>The file name the client sent.</summary>
        string FileName { get; }

        Stream OpenReadStream();

        Task CopyToAsync(Stream target, CancellationToken cancellationToken = default);
    }

    public interface IFormFileCollection : IReadOnlyList<IFormFile>
    {
        IFormFile? GetFile(string name);

        IReadOnlyList<IFormFile> GetFiles(string name);
    }

    public interface IFormCollection
    {
        IFormFileCollection Files { get; }

        string? this[string key] { get; }
    }

    public sealed class HttpRequest
    {
        public string Method { get; init; } = "POST";

        public string Path { get; init; } = "/";

        public string? ContentType { get; init; }

        public long? ContentLength { get; init; }

        public bool HasFormContentType { get; init; }

        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public Task<IFormCollection> ReadFormAsync(CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }

    public sealed class HttpContext
    {
        public HttpRequest Request { get; init; } = new();

        public ClaimsPrincipal User { get; init; } = new();

        public string TraceIdentifier { get; init; } = Guid.NewGuid().ToString("N");

        public CancellationToken RequestAborted { get; init; }
    }

    public interface IResult;

    public static class Results
    {
        private sealed record Result(int StatusCode, object? Value) : IResult;

        public static IResult Ok(object? value = null) => new Result(200, value);

        public static IResult Accepted(string? uri = null, object? value = null) => new Result(202, value);

        public static IResult Created(string uri, object? value) => new Result(201, value);

        public static IResult BadRequest(object? error = null) => new Result(400, error);

        public static IResult NotFound() => new Result(404, null);

        public static IResult StatusCode(int statusCode) => new Result(statusCode, null);

        public static IResult File(byte[] contents, string contentType, string? fileDownloadName = null) => new Result(200, contents);

        public static IResult Problem(string? detail = null, int? statusCode = null, string? title = null) => new Result(statusCode ?? 500, detail);
    }
}

namespace Microsoft.AspNetCore.Mvc
{
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
    public sealed class FromFormAttribute : Attribute
    {
        public string? Name { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class FromRouteAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class RequestSizeLimitAttribute(long bytes) : Attribute
    {
        public long Bytes { get; } = bytes;
    }
}

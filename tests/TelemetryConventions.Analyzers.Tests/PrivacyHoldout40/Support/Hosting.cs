using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout40.Support;

// Stand-ins for the framework pieces the services use beyond PrivacyCorpus/Shared: a mediator, form
// uploads, options, blob storage, mail and SMS senders, and a recurring job scheduler. Only the shapes matter.

public interface IRequest<TResponse>;

public interface IRequestHandler<in TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
}

public interface IMediator
{
    Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default);
}

/// <summary>A file posted in a multipart form (ASP.NET Core's IFormFile, reduced).</summary>
public interface IFormFile
{
    /// <summary>The file name the client sent (the name the person gave the file on their device).</summary>
    string FileName { get; }

    /// <summary>The form field's name.</summary>
    string Name { get; }

    string ContentType { get; }

    long Length { get; }

    Stream OpenReadStream();
}

public sealed class ProblemDetails
{
    public string? Title { get; set; }

    public string? Detail { get; set; }

    public int? Status { get; set; }
}

public interface IOptions<out T>
    where T : class
{
    T Value { get; }
}

public interface IBlobContainer
{
    string Name { get; }

    /// <summary>Uploads the content and returns the blob's URI (the container's URI joined with the blob name).</summary>
    Task<Uri> UploadAsync(string blobName, Stream content, CancellationToken cancellationToken);
}

public interface IEmailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}

public interface ISmsSender
{
    Task<string> SendAsync(string phoneNumber, string text, CancellationToken cancellationToken);
}

public interface IRecurringJobManager
{
    void AddOrUpdate(string recurringJobId, Func<Task> job, string cron);
}

public interface IClock
{
    DateTimeOffset UtcNow { get; }
}

/// <summary>A store of documents keyed by id (the services' own database, reduced).</summary>
public interface IDocumentStore<T>
{
    Task<T?> FindAsync(string id, CancellationToken cancellationToken);

    Task SaveAsync(string id, T document, CancellationToken cancellationToken);

    IAsyncEnumerable<T> QueryAsync(Func<T, bool> predicate, CancellationToken cancellationToken);
}

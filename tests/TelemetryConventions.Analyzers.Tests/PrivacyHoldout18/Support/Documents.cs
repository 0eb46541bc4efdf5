using System;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout18.Support.Documents;

/// <summary>The organisation's own PDF rendering service (templates kept in the document platform).</summary>
public interface IPdfRenderer
{
    Task<RenderedPdf> RenderAsync(string templateName, object model, CancellationToken cancellationToken = default);
}

public sealed record RenderedPdf(byte[] Content, int PageCount, string TemplateVersion);

/// <summary>Thrown by the renderer when a template is missing: names the template only.</summary>
public sealed class TemplateNotFoundException(string templateName) : Exception($"Template '{templateName}' was not found.")
{
    public string TemplateName { get; } = templateName;
}

/// <summary>The organisation's mail relay, as the document services call it.</summary>
public interface IMailRelay
{
    Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default);
}

/// <summary>Time and ids the services take from their container.</summary>
public interface IClock
{
    DateTimeOffset UtcNow { get; }
}

namespace EmbedKit;

// A Power BI-style embedding client (Microsoft.PowerBI.Api's models, reduced): embed tokens with
// effective identities for row-level security.

/// <summary>The identity a report is rendered for under row-level security: a model class without <c>ToString</c>.</summary>
public sealed class EffectiveIdentity
{
    public EffectiveIdentity(string username, IList<string> datasets, IList<string>? roles = null, string? customData = null)
    {
        Username = username;
        Datasets = datasets;
        Roles = roles ?? new List<string>();
        CustomData = customData;
    }

    public string Username { get; set; }

    public IList<string> Datasets { get; set; }

    public IList<string> Roles { get; set; }

    public string? CustomData { get; set; }
}

public sealed class GenerateTokenRequestV2Report
{
    public GenerateTokenRequestV2Report(Guid id, bool allowEdit = false)
    {
        Id = id;
        AllowEdit = allowEdit;
    }

    public Guid Id { get; set; }

    public bool AllowEdit { get; set; }
}

public sealed class GenerateTokenRequestV2Dataset
{
    public GenerateTokenRequestV2Dataset(string id) => Id = id;

    public string Id { get; set; }
}

public sealed class GenerateTokenRequestV2
{
    public IList<GenerateTokenRequestV2Report> Reports { get; set; } = new List<GenerateTokenRequestV2Report>();

    public IList<GenerateTokenRequestV2Dataset> Datasets { get; set; } = new List<GenerateTokenRequestV2Dataset>();

    public IList<EffectiveIdentity> Identities { get; set; } = new List<EffectiveIdentity>();

    public int? LifetimeInMinutes { get; set; }
}

/// <summary>An embed token: the token text (a bearer credential), its id and its expiry. A model class without <c>ToString</c>.</summary>
public sealed class EmbedToken
{
    public EmbedToken(string token, Guid tokenId, DateTime expiration)
    {
        Token = token;
        TokenId = tokenId;
        Expiration = expiration;
    }

    public string Token { get; set; }

    public Guid TokenId { get; set; }

    public DateTime Expiration { get; set; }
}

/// <summary>A published report in a workspace.</summary>
public sealed record EmbeddedReport(Guid Id, string Name, string EmbedUrl, string DatasetId);

public interface IEmbedClient
{
    Task<EmbeddedReport> GetReportInGroupAsync(Guid groupId, Guid reportId, CancellationToken cancellationToken = default);

    Task<EmbedToken> GenerateTokenAsync(GenerateTokenRequestV2 request, CancellationToken cancellationToken = default);
}

/// <summary>The service's error: a status code, an error code and a message naming the failure, not the identity.</summary>
public sealed class EmbedApiException(int status, string errorCode, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string ErrorCode { get; } = errorCode;
}

/// <summary>What the embedding page receives: report, URL, token and expiry. Prints its members.</summary>
public sealed record EmbedConfig(Guid ReportId, string EmbedUrl, string AccessToken, DateTime Expiry);

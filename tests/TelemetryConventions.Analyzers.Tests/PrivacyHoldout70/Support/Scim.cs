using System.Text.Json;

namespace PrivacyHoldout70.Support;

// Stand-ins for the SCIM 2.0 types (RFC 7643/7644) the services share: resources, PatchOp bodies,
// list responses, errors and a filter parser. Records print their members, as C# records do.

public sealed record ScimName(string? GivenName, string? FamilyName, string? Formatted = null);

public sealed record ScimEmail(string Value, string Type = "work", bool Primary = true);

public sealed record ScimMeta(string ResourceType, DateTimeOffset Created, DateTimeOffset LastModified, string Version);

/// <summary>urn:ietf:params:scim:schemas:core:2.0:User, with the enterprise extension's employee number.</summary>
public sealed record ScimUser
{
    public string? Id { get; init; }

    public string? ExternalId { get; init; }

    public required string UserName { get; init; }

    public ScimName? Name { get; init; }

    public string? DisplayName { get; init; }

    public IReadOnlyList<ScimEmail> Emails { get; init; } = [];

    public bool Active { get; init; } = true;

    public string? EmployeeNumber { get; init; }

    public string? Department { get; init; }

    public ScimMeta? Meta { get; init; }
}

public sealed record ScimMember(string Value, string? Display = null);

public sealed record ScimGroup
{
    public string? Id { get; init; }

    public required string DisplayName { get; init; }

    public IReadOnlyList<ScimMember> Members { get; init; } = [];
}

/// <summary>One operation of a PatchOp request: <c>op</c>, an optional <c>path</c> and a JSON value.</summary>
public sealed record ScimPatchOperation(string Op, string? Path, JsonElement Value);

public sealed record ScimPatchRequest(IReadOnlyList<ScimPatchOperation> Operations);

public sealed record ScimListResponse<T>(int TotalResults, int StartIndex, int ItemsPerPage, IReadOnlyList<T> Resources);

/// <summary>A SCIM error: <c>status</c>, <c>scimType</c> (uniqueness, invalidFilter, mutability, …) and a detail.</summary>
public sealed class ScimException(int status, string scimType, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string ScimType { get; } = scimType;
}

/// <summary>A parsed comparison of a SCIM filter, such as <c>userName eq "x"</c>.</summary>
public sealed record ScimFilter(string Attribute, string Operator, string Value)
{
    /// <summary>
    /// Parses <c>attr op "value"</c>. On bad input throws <see cref="ScimException"/> with scimType
    /// <c>invalidFilter</c> and the detail <c>Unsupported filter: {filter}</c>, quoting the whole filter.
    /// </summary>
    public static ScimFilter Parse(string filter)
    {
        var parts = filter.Split(' ', 3);
        if (parts.Length != 3 || parts[2].Length < 2 || parts[2][0] != '"')
        {
            throw new ScimException(400, "invalidFilter", $"Unsupported filter: {filter}");
        }
        return new ScimFilter(parts[0], parts[1], parts[2].Trim('"'));
    }
}

/// <summary>Minimal-API style request context of the SCIM endpoints.</summary>
public sealed class ScimRequestContext
{
    public required string TenantId { get; init; }

    public required string Method { get; init; }

    public required string Path { get; init; }

    public string? QueryString { get; init; }

    public string ClientId { get; init; } = string.Empty;

    public string? IfMatch { get; init; }
}

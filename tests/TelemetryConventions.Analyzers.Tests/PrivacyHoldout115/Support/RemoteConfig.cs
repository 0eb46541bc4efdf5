namespace RemoteConfigKit
{
    /// <summary>The user who published a template version, as the Remote Config REST API reports them.</summary>
    public sealed record RemoteConfigUser(string Email, string? Name, string? ImageUrl);

    public sealed record TemplateVersion(long VersionNumber, DateTimeOffset UpdateTime, RemoteConfigUser UpdateUser, string UpdateOrigin, string UpdateType, string? Description)
    {
        public long? RollbackSource { get; init; }
    }

    /// <summary>A named condition: an expression over the app, the platform, the country and user properties.</summary>
    public sealed record RemoteConfigCondition(string Name, string Expression, string? TagColor = null);

    public sealed record ParameterValue(string? Value, bool UseInAppDefault = false);

    /// <summary>A parameter; like the Admin SDK's, a class without a <c>ToString</c> of its own.</summary>
    public sealed class RemoteConfigParameter
    {
        public ParameterValue DefaultValue { get; set; } = new(null, true);

        public Dictionary<string, ParameterValue> ConditionalValues { get; } = new(StringComparer.Ordinal);

        public string? Description { get; set; }

        public string ValueType { get; set; } = "STRING";
    }

    public sealed class RemoteConfigTemplate
    {
        public Dictionary<string, RemoteConfigParameter> Parameters { get; } = new(StringComparer.Ordinal);

        public List<RemoteConfigCondition> Conditions { get; } = new();

        public string ETag { get; set; } = "";

        public TemplateVersion? Version { get; set; }
    }

    /// <summary>What the Remote Config API answers with an error: its status and message name the request, not a user.</summary>
    public sealed class RemoteConfigException(string errorCode, string message) : Exception(message)
    {
        public string ErrorCode { get; } = errorCode;
    }

    public interface IRemoteConfigClient
    {
        Task<RemoteConfigTemplate> GetTemplateAsync(CancellationToken cancellationToken = default);

        Task<RemoteConfigTemplate> ValidateTemplateAsync(RemoteConfigTemplate template, CancellationToken cancellationToken = default);

        Task<RemoteConfigTemplate> PublishTemplateAsync(RemoteConfigTemplate template, CancellationToken cancellationToken = default);

        Task<IReadOnlyList<TemplateVersion>> ListVersionsAsync(int pageSize, CancellationToken cancellationToken = default);

        Task<RemoteConfigTemplate> RollbackAsync(long versionNumber, CancellationToken cancellationToken = default);
    }
}

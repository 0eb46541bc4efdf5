using System;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout42.Support.Aws;

// Stand-ins shaped like the AWS IoT data plane client (AWSSDK.IotData): named shadows of things.

public sealed class GetThingShadowRequest
{
    public required string ThingName { get; init; }

    public string? ShadowName { get; init; }
}

public sealed class GetThingShadowResponse
{
    public required byte[] Payload { get; init; }

    public int HttpStatusCode { get; init; } = 200;
}

public sealed class UpdateThingShadowRequest
{
    public required string ThingName { get; init; }

    public string? ShadowName { get; init; }

    public required byte[] Payload { get; init; }
}

public sealed class UpdateThingShadowResponse
{
    public required byte[] Payload { get; init; }
}

public interface IAmazonIotData
{
    Task<GetThingShadowResponse> GetThingShadowAsync(GetThingShadowRequest request, CancellationToken cancellationToken = default);

    Task<UpdateThingShadowResponse> UpdateThingShadowAsync(UpdateThingShadowRequest request, CancellationToken cancellationToken = default);

    Task PublishAsync(string topic, byte[] payload, CancellationToken cancellationToken = default);
}

/// <summary>As the service does, the message quotes the shadow's name: "No shadow exists with name: '&lt;thing&gt;'".</summary>
public sealed class ResourceNotFoundException(string message) : Exception(message);

/// <summary>The request rate was exceeded. The message is the service's fixed text.</summary>
public sealed class ThrottlingException() : Exception("Rate exceeded");

/// <summary>The shadow's version did not match. The message is the service's fixed text.</summary>
public sealed class ConflictException() : Exception("Version conflict");

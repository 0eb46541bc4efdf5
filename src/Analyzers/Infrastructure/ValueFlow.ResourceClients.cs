using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: clients made for one named resource. A storage SDK hands out a client per
// blob, file or directory (container.GetBlobClient($"patients/{nhsNumber}/letters/{id}.pdf")); its
// Name, Uri and Path are the name it was made for.
internal sealed partial class ValueFlow
{
    /// <summary>
    /// <c>blob.Name</c>, <c>blob.Uri</c> or <c>file.Path</c> of a client made by a <c>Get…Client(name)</c>
    /// call: what that name was built from. Null for other members.
    /// </summary>
    private FlowResult? ResourceClientName(IMemberReferenceOperation member, Frame frame, int depth) =>
        member is IPropertyReferenceOperation { Property.Name: "Name" or "Uri" or "Path" or "BlobName" or "Key", Instance: { } instance }
        && NameMadeFor(instance) is { } name
            ? Rewrapped(Evaluate(name, frame, depth + 1).WithoutParameters(), member)
            : null;

    /// <summary>
    /// A link a storage client signs for its resource (<c>blob.GenerateSasUri(BlobSasPermissions.Read, expires)</c>):
    /// the resource's address with a token after it, so it holds the name the client was made for.
    /// </summary>
    private FlowResult? SignedResourceLink(IInvocationOperation invocation, Frame frame, int depth) =>
        invocation.TargetMethod.Name is "GenerateSasUri" or "GenerateUserDelegationSasUri" && invocation.Instance is { } instance
        && NameMadeFor(instance) is { } name
            ? Rewrapped(Evaluate(name, frame, depth + 1).WithoutParameters(), invocation)
            : null;

    /// <summary>The name argument of the <c>Get…Client(name)</c> call that made a client, or null.</summary>
    private IOperation? NameMadeFor(IOperation client)
    {
        if (MadeBy(client, 0) is not { } factory
            || factory.TargetMethod is not { Name: var name } || !name.StartsWith("Get", System.StringComparison.Ordinal) || !name.EndsWith("Client", System.StringComparison.Ordinal))
        {
            return null;
        }
        foreach (var argument in factory.Arguments)
        {
            if (argument.Parameter?.Name is "blobName" or "name" or "path" or "fileName" or "directoryName" or "blobPath" or "key"
                && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }
        return null;
    }

    /// <summary>The call that made a value, awaited or not, directly or through a local given it once.</summary>
    private IInvocationOperation? MadeBy(IOperation value, int steps)
    {
        if (steps > 3)
        {
            return null;
        }
        return OperationTree.Unwrap(value) switch
        {
            IInvocationOperation call => call,
            IAwaitOperation awaited => MadeBy(awaited.Operation, steps + 1),
            ILocalReferenceOperation local when LocalWrites(local.Local, OperationTree.Root(local)) is { Count: 1 } writes => MadeBy(writes[0].Value, steps + 1),
            _ => null,
        };
    }
}

using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// TC1001 on the name, address and path of a client a storage SDK makes for one resource: they are
/// the name it was made for.
/// </summary>
public class TC1001ResourceClientTests
{
    [Fact]
    public async Task A_blob_client_s_name_and_address_are_the_name_it_was_made_for()
    {
        await VerifyCS.AnalyzerAsync("""
            using System;
            using System.Diagnostics;
            using Microsoft.Extensions.Logging;

            namespace Azure.Storage.Blobs
            {
                public class BlobClient
                {
                    public virtual string Name => "";
                    public virtual string BlobContainerName => "";
                    public virtual Uri Uri => null!;
                    public virtual Uri GenerateSasUri(int permissions, DateTimeOffset expiresOn) => null!;
                }

                public class BlobContainerClient
                {
                    public virtual string Name => "";
                    public virtual BlobClient GetBlobClient(string blobName) => new();
                }

                public class BlobServiceClient
                {
                    public virtual BlobContainerClient GetBlobContainerClient(string blobContainerName) => new();
                }
            }

            namespace Clinic
            {
                using Azure.Storage.Blobs;

                public sealed class Letters(BlobServiceClient blobs, ILogger<Letters> logger)
                {
                    private readonly BlobContainerClient _letters = blobs.GetBlobContainerClient("letters");

                    public void Store(string nhsNumber, Guid letterId)
                    {
                        var blob = _letters.GetBlobClient($"patients/{nhsNumber}/letters/{letterId:N}.pdf");
                        Activity.Current?.SetTag("az.storage.blob", {|TC1001:blob.Name|});
                        Activity.Current?.SetTag("az.storage.container", blob.BlobContainerName);
                        logger.LogError("Upload of {BlobUri} failed", {|TC1001:blob.Uri|});
                        logger.LogInformation("Stored in {Container}", _letters.Name);

                        var link = blob.GenerateSasUri(1, DateTimeOffset.UtcNow.AddHours(1));
                        logger.LogDebug("Letter download link {Link}", {|TC1001:link|});

                        var template = _letters.GetBlobClient($"templates/{letterId:N}.docx");
                        logger.LogInformation("Template {Blob}", template.Name);
                        logger.LogInformation("Template link {Link}", template.GenerateSasUri(1, DateTimeOffset.UtcNow.AddHours(1)));
                    }
                }
            }
            """);
    }
}

using System.Threading.Tasks;

namespace Microsoft.FeatureManagement;

// Microsoft.FeatureManagement, reduced to what the services call.

public interface IFeatureManager
{
    Task<bool> IsEnabledAsync(string feature);
}

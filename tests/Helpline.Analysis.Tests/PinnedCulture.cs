using System.Globalization;
using System.Runtime.CompilerServices;

namespace Helpline.Analysis.Tests;

/// <summary>Runs every test under nl-BE (comma decimals, day-first dates): the library must not depend on the machine's culture.</summary>
internal static class PinnedCulture
{
    [ModuleInitializer]
    internal static void Pin()
    {
        var culture = CultureInfo.GetCultureInfo("nl-BE");
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
    }
}

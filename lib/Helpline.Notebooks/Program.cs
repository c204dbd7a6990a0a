using System.CommandLine;
using System.Globalization;
using Helpline.Notebooks.Commands;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var root = new RootCommand("Stop it Now! helpline analysis: run the notebooks, publish the site, check an export.")
{
    SynthesizeCommand.Create(),
};
return await root.Parse(args).InvokeAsync();

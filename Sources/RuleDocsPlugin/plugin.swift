import Foundation
import PackagePlugin

/// Build-tool plugin that embeds `Rules/<id>/README.md` into the target it
/// is applied to, as the generated `RuleDocumentation` enum.
@main
struct RuleDocsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "Rules")
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: rules.path)) ?? []
        let readmes = folders.sorted()
            .map { rules.appending(path: $0).appending(path: "README.md") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        let output = context.pluginWorkDirectoryURL.appending(path: "RuleDocumentation.swift")
        return [
            .buildCommand(
                displayName: "Embedding rule documentation",
                executable: try context.tool(named: "RuleDocsGenerator").url,
                arguments: [output.path] + readmes.map(\.path),
                inputFiles: readmes,
                outputFiles: [output])
        ]
    }
}
